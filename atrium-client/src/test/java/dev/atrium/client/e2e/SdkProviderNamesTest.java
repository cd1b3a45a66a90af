package dev.atrium.client.e2e;

import dev.atrium.client.Credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.core.auth.AuthProvider;
import dev.atrium.core.auth.ProviderRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * (In the end-to-end tests, which compile for Java 21: core is Java 21 bytecode.) The SDK's provider names follow the server's provider registry: each name a {@link Credentials}
 * factory sends is an installed provider, and what the SDK treats as unlinkable guest credentials
 * is what the server's policy refuses to link.
 */
class SdkProviderNamesTest {
    static final ProviderRegistry SERVER = ProviderRegistry.installed();

    @Test
    void everyProviderTheSdkSendsIsInstalledOnTheServer() {
        List<Credentials> sent = List.of(Credentials.anonymous(), Credentials.emailPassword("a@example.com", "pw1234"),
                Credentials.apiKey("k"), Credentials.jwt("t"));

        for (Credentials c : sent) {
            assertThat(SERVER.find(c.provider())).as(c.provider()).isPresent();
        }
        assertThat(List.of(Credentials.EMAIL_PASSWORD, Credentials.API_KEY, Credentials.CUSTOM_JWT))
                .allSatisfy(name -> assertThat(SERVER.types()).contains(name));
    }

    @Test
    void credentialsTheSdkNeverLinksAreTheOnesTheServerRefusesToLink() {
        for (Credentials c : List.of(Credentials.anonymous(), Credentials.emailPassword("a@example.com", "pw1234"),
                Credentials.apiKey("k"), Credentials.jwt("t"))) {
            AuthProvider<?> provider = SERVER.find(c.provider()).orElseThrow();
            assertThat(provider.policy().linking().allowed()).as(c.provider()).isEqualTo(!c.isAnonymous());
        }
    }
}
