package dev.atrium.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.ProviderSettings;
import dev.atrium.core.apps.SettingField;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.RequestFields;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The four installed providers as plug-ins: how each reads its credentials (the errors of a login
 * body), and their declared settings agreeing with their own checks on the configs the README shows.
 */
class InstalledProvidersTest {
    static final ProviderRegistry INSTALLED = ProviderRegistry.installed();

    record Case(String provider, Map<String, Object> body, ErrorCode code, String text) {}

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void credentialsWhenFieldsMissingOrMalformedThenTheProvidersDocumentedError() {
        List<Case> cases = List.of(
                new Case("api-key", body(), ErrorCode.MissingParameter, "missing parameter: key"),
                new Case("api-key", body("key", ""), ErrorCode.MissingParameter, "missing parameter: key"),
                new Case("api-key", body("key", 5), ErrorCode.MissingParameter, "missing parameter: key"),
                new Case("custom-token", body(), ErrorCode.MissingParameter, "missing parameter: token"),
                new Case("custom-token", body("token", List.of("a")), ErrorCode.MissingParameter, "missing parameter: token"),
                new Case("local-userpass", body("password", "pw"), ErrorCode.MissingParameter, "missing parameter: username"),
                new Case("local-userpass", body("username", null, "password", "pw"), ErrorCode.MissingParameter,
                        "missing parameter: username"),
                new Case("local-userpass", body("username", 5, "password", "pw"), ErrorCode.InvalidParameter,
                        "username must be a string"),
                new Case("local-userpass", body("username", "a\nb@example.com", "password", "pw"), ErrorCode.InvalidParameter,
                        "username must not contain control characters"),
                new Case("local-userpass", body("username", "a".repeat(255), "password", "pw"), ErrorCode.InvalidParameter,
                        "username must be at most 254 characters"),
                new Case("local-userpass", body("username", "ann@example.com"), ErrorCode.MissingParameter,
                        "missing parameter: password"),
                new Case("local-userpass", body("username", "ann@example.com", "password", true), ErrorCode.InvalidParameter,
                        "password must be a string"));
        for (Case c : cases) {
            AuthProvider<?> p = INSTALLED.find(c.provider()).orElseThrow();
            assertThatThrownBy(() -> p.credentials(RequestFields.of(c.body()))).as(c.provider() + " " + c.body())
                    .isInstanceOfSatisfying(AuthException.class, e -> {
                        assertThat(e.code()).isEqualTo(c.code());
                        assertThat(e.getMessage()).isEqualTo(c.text());
                    });
        }
    }

    @Test
    void credentialsWhenWellFormedThenTypedAndNeverPrintingTheSecret() {
        Object userpass = INSTALLED.find("local-userpass").orElseThrow()
                .credentials(RequestFields.of(Map.of("username", " Ann@Example.COM ", "password", "hunter22")));
        Object key = INSTALLED.find("api-key").orElseThrow().credentials(RequestFields.of(Map.of("key", "k-secret")));
        Object token = INSTALLED.find("custom-token").orElseThrow().credentials(RequestFields.of(Map.of("token", "t-secret")));
        Object guest = INSTALLED.find("anon-user").orElseThrow().credentials(RequestFields.of(Map.of("anything", 1)));

        assertThat(userpass).hasToString("EmailPassword[ann@example.com, ***]");
        assertThat(key.toString()).doesNotContain("k-secret");
        assertThat(token.toString()).doesNotContain("t-secret");
        assertThat(guest).isNotNull();
    }

    @Test
    void settingsWhenAConfigTheReadmeShowsThenBothTheDeclarationsAndTheProvidersOwnCheckAcceptIt() {
        Map<String, List<Map<String, Object>>> samples = Map.of(
                "local-userpass", List.of(Map.of(),
                        Map.of("confirmation", "email", "reset", "email", "confirm_url", "https://app.example/confirm",
                                "reset_url", "https://app.example/reset", "smtp", Map.of("host", "smtp.example.com",
                                        "port", 587, "from", "auth@example.com", "username", "u", "password", "p")),
                        Map.of("confirmation", "webhook", "reset", "webhook", "webhook_url", "https://app.example/hook",
                                "webhook_secret", "s3cret", "token_lifetime_s", 600, "reveal_unknown_email", true)),
                "custom-token", List.of(
                        Map.of("jwks_url", "https://id.example/jwks", "audience", "my-app", "issuer", "https://id.example",
                                "algorithms", List.of("RS256"), "clock_skew_s", 30, "metadata", Map.of("name", "name")),
                        Map.of("shared_secret", "0123456789abcdef0123456789abcdef", "audience", "a", "issuer", "i",
                                "algorithms", List.of("HS256"))),
                "anon-user", List.of(Map.of()),
                "api-key", List.of(Map.of()));
        samples.forEach((type, configs) -> {
            ProviderSettings settings = INSTALLED.find(type).orElseThrow().settings();
            ProviderSettings declaredOnly = ProviderSettings.declared(settings.fields().toArray(SettingField[]::new));
            for (Map<String, Object> config : configs) {
                assertThatCode(() -> settings.validate(config)).as(type + " own check of " + config).doesNotThrowAnyException();
                assertThatCode(() -> declaredOnly.validate(config)).as(type + " declared check of " + config)
                        .doesNotThrowAnyException();
            }
        });
    }

    @Test
    void settingsWhenInvalidThenTheProvidersOwnRulesAsBeforeTheMove() {
        ProviderSettings userpass = INSTALLED.find("local-userpass").orElseThrow().settings();
        ProviderSettings custom = INSTALLED.find("custom-token").orElseThrow().settings();

        assertThatThrownBy(() -> userpass.validate(Map.of("confirmation", "webhook")))
                .hasMessageContaining("webhook_url is required when confirmation or reset is webhook");
        assertThatThrownBy(() -> custom.validate(Map.of("audience", "a")))
                .hasMessageContaining("exactly one of jwks_url, public_key_pem, shared_secret is required");
        assertThatThrownBy(() -> INSTALLED.find("anon-user").orElseThrow().settings().validate(Map.of("x", 1)))
                .hasMessage("anon-user takes no config");
    }
}
