package dev.atrium.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.core.auth.anonymous.AnonymousProvider;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static User user(String... types) {
        List<Identity> identities = java.util.Arrays.stream(types).map(t -> new Identity(t, "s-" + t, Map.of(), T)).toList();
        return new User("u1", "app", dev.atrium.core.users.UserType.NORMAL, false, T, T, Map.of(), identities);
    }

    @Test
    void installedWhenLoadedThenTheNineProvidersInTheirServiceFileOrder() {
        assertThat(ProviderRegistry.installed().types())
                .containsExactly("anon-user", "local-userpass", "api-key", "custom-token", "oauth2-apple", "oauth2-google",
                        "oauth2-facebook", "custom-function", "passkey");
    }

    @Test
    void installedWhenLoadedThenEachProviderDescribesItselfAndDeclaresSettings() {
        for (AuthProvider<?> p : ProviderRegistry.installed().all()) {
            assertThat(p.description()).as(p.type()).isNotBlank();
            assertThat(p.settings()).as(p.type()).isNotNull();
            assertThat(p.policy()).as(p.type()).isNotNull();
        }
    }

    @Test
    void ofWhenTwoProvidersShareATypeThenRefusedNamingBoth() {
        assertThatThrownBy(() -> ProviderRegistry.of(List.of(new AnonymousProvider(), new AnonymousProvider())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two providers of type anon-user")
                .hasMessageContaining(AnonymousProvider.class.getName());
    }

    @Test
    void ofWhenATypeIsNotAPlainWireNameThenRefused() {
        for (String bad : new String[] {"Anon", "a b", "a/b", "-a", "a--b", "a-", "", "x".repeat(41)}) {
            ProviderPolicyTest.TestProvider p = new ProviderPolicyTest.TestProvider(bad, ProviderPolicy.LASTING_IDENTITY);
            assertThatThrownBy(() -> ProviderRegistry.of(List.of(p))).as(bad)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("invalid provider type");
        }
    }

    @Test
    void logoutDeletesWhenEveryIdentityIsOfAProviderThatSaysSo() {
        ProviderRegistry installed = ProviderRegistry.installed();

        assertThat(installed.logoutDeletes(user("anon-user"))).isTrue();
        assertThat(installed.logoutDeletes(user("anon-user", "local-userpass"))).isFalse();
        assertThat(installed.logoutDeletes(user("custom-token"))).isFalse();
        assertThat(installed.logoutDeletes(user("not-installed"))).as("an unknown provider keeps the user").isFalse();
        assertThat(installed.logoutDeletes(user())).as("no identity at all").isFalse();
    }

    @Test
    void findWhenTypeUnknownThenEmpty() {
        assertThat(ProviderRegistry.installed().find("oauth2-myspace")).isEmpty();
        assertThat(ProviderRegistry.installed().find("api-key")).isPresent();
    }
}
