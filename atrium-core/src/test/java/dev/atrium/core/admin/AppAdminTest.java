package dev.atrium.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppSettings;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.testing.TestWorld;
import dev.atrium.core.tokens.SigningKey;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Operators' app administration on the in-memory store: what it refuses, and that a refusal changes nothing. */
class AppAdminTest {
    private final TestWorld world = new TestWorld();
    private final AppAdmin admin = new AppAdmin(world.store.apps(), dev.atrium.core.auth.ProviderRegistry.installed(), world.apps, world.store.signingKeys(), world.keys,
            world.clock);

    private static void refused(Runnable call, ErrorCode code, String... words) {
        assertThatThrownBy(call::run).isInstanceOf(AuthException.class)
                .satisfies(e -> assertThat(((AuthException) e).code()).isEqualTo(code))
                .hasMessageContainingAll(words);
    }

    @Test
    void createThenGetAndListShowItWithOnlyAnonUserEnabled() {
        App app = admin.create("Blog");

        assertThat(admin.get(app.id())).isEqualTo(app);
        assertThat(admin.list()).containsExactly(app);
        assertThat(admin.providers(app.id())).filteredOn(ProviderConfig::enabled).extracting(ProviderConfig::type)
                .containsExactly("anon-user");
    }

    @Test
    void getWhenUnknownThenAppNotFound() {
        refused(() -> admin.get("nope-12345"), ErrorCode.AppNotFound, "nope-12345");
    }

    @Test
    void patchSettingsThenOnlyTheGivenKeysChange() {
        App app = admin.create("Blog");

        AppSettings next = admin.patchSettings(app.id(), Map.of("access_token_lifetime_s", 300));

        assertThat(next.accessTokenLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(next.refreshTokenLifetime()).isEqualTo(app.settings().refreshTokenLifetime());
        assertThat(admin.get(app.id()).settings()).isEqualTo(next);
    }

    @Test
    void patchSettingsWhenValuesAreOutOfRangeThenInvalidParameterNamingEachAndNothingChanges() {
        App app = admin.create("Blog");

        refused(() -> admin.patchSettings(app.id(), Map.of("access_token_lifetime_s", 0, "guest_burst", -1)),
                ErrorCode.InvalidParameter, "access_token_lifetime_s", "guest_burst");

        assertThat(admin.get(app.id()).settings()).isEqualTo(app.settings());
    }

    @Test
    void configureWhenTheProviderIsUnknownThenInvalidParameter() {
        App app = admin.create("Blog");

        refused(() -> admin.configure(app.id(), "oauth2-myspace", true, null), ErrorCode.InvalidParameter,
                "unknown provider 'oauth2-myspace'");
    }

    @Test
    void configureCustomTokenWithoutAKeySourceThenInvalidParameterAndTheProviderStaysAsItWas() {
        App app = admin.create("Blog");

        refused(() -> admin.configure(app.id(), "custom-token", true, Map.of("audience", "my-app")),
                ErrorCode.InvalidParameter, "custom-token config", "jwks_url");

        assertThat(admin.providers(app.id())).filteredOn(p -> p.type().equals("custom-token"))
                .allSatisfy(p -> assertThat(p.enabled()).isFalse());
    }

    @Test
    void configureWhenASecretIsLeftOutThenTheStoredOneIsKept() {
        App app = admin.create("Blog");
        admin.configure(app.id(), "custom-token", true,
                Map.of("shared_secret", "0123456789abcdef0123456789abcdef", "audience", "a1", "issuer", "https://id.example",
                        "algorithms", java.util.List.of("HS256")));

        ProviderConfig next = admin.configure(app.id(), "custom-token", null,
                Map.of("audience", "a2", "issuer", "https://id.example", "algorithms", java.util.List.of("HS256")));

        assertThat(next.enabled()).isTrue();
        assertThat(next.config()).containsEntry("audience", "a2")
                .containsEntry("shared_secret", "0123456789abcdef0123456789abcdef");
    }

    @Test
    void rotateWithEdDsaThenTheNewKeyIsActiveEdDsaAndTheOldOneIsKeptRetired() {
        App app = admin.create("Blog");
        SigningKey first = admin.signingKeys(app.id()).getFirst();

        SigningKey next = admin.rotate(app.id(), "EdDSA");

        assertThat(next.alg()).isEqualTo("EdDSA");
        assertThat(admin.signingKeys(app.id())).extracting(SigningKey::kid).contains(first.kid(), next.kid());
        assertThat(admin.signingKeys(app.id())).filteredOn(k -> k.state().equals("active")).extracting(SigningKey::kid)
                .containsExactly(next.kid());
    }

    @Test
    void rotateWhenTheAlgorithmIsNotOneAtriumSignsWithThenInvalidParameterAndNoNewKey() {
        App app = admin.create("Blog");
        int keys = admin.signingKeys(app.id()).size();

        refused(() -> admin.rotate(app.id(), "HS256"), ErrorCode.InvalidParameter, "alg must be one of");

        assertThat(admin.signingKeys(app.id())).hasSize(keys);
    }
}
