package dev.atrium.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.core.kernel.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each installed provider's mapping of its App Services configuration (App Services' provider
 * reference pages), as a table: the settings it makes, what it says is missing, and that those
 * settings, once the operator fills in what is missing, pass the provider's own declared check: the
 * import never prints a command Atrium would refuse.
 */
class AppServicesMappingTest {
    record Row(String name, String type, String entry, Map<String, Object> settings, List<String> needed,
               Map<String, Object> filled, List<String> unmapped) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        String p8 = freshP8();
        return Stream.of(
                new Row("guests", "anon-user", "{}", Map.of(), List.of(), Map.of(), List.of()),
                new Row("API keys", "api-key", "{}", Map.of(), List.of(), Map.of(), List.of()),
                new Row("e-mail, confirmed at once, reset by mail", "local-userpass",
                        "{\"config\": {\"autoConfirm\": true, \"resetPasswordUrl\": \"https://a.example/reset\"}}",
                        Map.of("confirmation", "auto", "reset", "email", "reset_url", "https://a.example/reset"),
                        List.of("smtp"), Map.of("smtp", Map.of("host", "smtp.a.example", "from", "a@a.example")), List.of()),
                new Row("e-mail with confirmation and reset functions", "local-userpass",
                        "{\"config\": {\"runConfirmationFunction\": true, \"confirmationFunctionName\": \"c\", "
                                + "\"runResetFunction\": true, \"resetFunctionName\": \"r\"}}",
                        Map.of("confirmation", "webhook", "reset", "webhook"), List.of("webhook_url", "webhook_secret"),
                        Map.of("webhook_url", "https://a.example/hook", "webhook_secret", "a-long-enough-webhook-secret"),
                        List.of("confirmationFunctionName", "resetFunctionName")),
                new Row("e-mail links in an app's own scheme", "local-userpass",
                        "{\"config\": {\"emailConfirmationUrl\": \"myapp://confirm\", \"resetPasswordUrl\": \"myapp://reset\"}}",
                        Map.of("confirmation", "email", "reset", "email"), List.of("smtp"),
                        Map.of("smtp", Map.of("host", "smtp.a.example", "from", "a@a.example")),
                        List.of("emailConfirmationUrl", "resetPasswordUrl")),
                new Row("custom JWT from a JWKS", "custom-token",
                        "{\"config\": {\"useJWKURI\": true, \"jwkURI\": \"https://id.a.example/jwks\", \"audience\": [\"api\", \"web\"],"
                                + " \"requireAnyAudience\": true}}",
                        Map.of("jwks_url", "https://id.a.example/jwks", "algorithms", List.of("RS256"), "audience", "api"),
                        List.of("issuer"), Map.of("issuer", "https://id.a.example"), List.of("audience")),
                new Row("custom JWT with HS256 keys and metadata", "custom-token",
                        "{\"config\": {\"signingAlgorithm\": \"HS256\"}, \"secret_config\": {\"signingKeys\": [\"k1\", \"k2\"]},"
                                + " \"metadata_fields\": [{\"name\": \"email\"}, {\"name\": \"user_data.name\", \"field_name\": \"name\"},"
                                + " {\"name\": \"first\\\\.name\", \"field_name\": \"first\", \"required\": true}]}",
                        Map.of("algorithms", List.of("HS256"), "audience", "shop-qwert",
                                "metadata", Map.of("email", "email", "first", "first.name")),
                        List.of("shared_secret", "issuer"),
                        Map.of("shared_secret", "0123456789abcdef0123456789abcdef", "issuer", "me"),
                        List.of("secret_config.signingKeys", "metadata_fields user_data.name", "metadata_fields first")),
                new Row("Google", "oauth2-google",
                        "{\"config\": {\"clientId\": \"1-web.apps.googleusercontent.com\", \"openId\": true}, "
                                + "\"secret_config\": {\"clientSecret\": \"g\"}, \"redirect_uris\": [\"https://a.example/done\"], "
                                + "\"domain_restrictions\": [\"a.example\"], \"metadata_fields\": [{\"name\": \"name\"}]}",
                        Map.of("client_id", "1-web.apps.googleusercontent.com", "allowed_redirect_urls", List.of("https://a.example/done")),
                        List.of("client_secret"), Map.of("client_secret", "GOCSPX-x"), List.of("domain_restrictions")),
                new Row("Facebook", "oauth2-facebook", "{\"config\": {\"clientId\": \"1234567890\"}, "
                        + "\"secret_config\": {\"clientSecret\": \"f\"}, \"metadata_fields\": [{\"name\": \"birthday\"}]}",
                        Map.of("app_id", "1234567890"), List.of("app_secret"), Map.of("app_secret", "s3cret"),
                        List.of("metadata_fields birthday")),
                new Row("Apple on the web", "oauth2-apple", "{\"config\": {\"clientId\": \"com.a.web\"}, "
                        + "\"secret_config\": {\"clientSecret\": \"jwt\"}, \"redirect_uris\": [\"https://a.example/apple\"]}",
                        Map.of("client_ids", List.of("com.a.web"), "services_id", "com.a.web",
                                "allowed_redirect_urls", List.of("https://a.example/apple")),
                        List.of("team_id", "key_id", "private_key_secret"),
                        Map.of("team_id", "ABCDE12345", "key_id", "KEY1234567", "private_key_secret", p8),
                        List.of("secret_config.clientSecret")),
                new Row("custom function", "custom-function", "{\"config\": {\"authFunctionName\": \"login\"}}", Map.of(),
                        List.of("function_url", "function_secret"),
                        Map.of("function_url", "https://a.example/login", "function_secret", "a-long-enough-function-secret"),
                        List.of("authFunctionName")));
    }

    /** A new P-256 key in the PEM form of Apple's .p8 files (PKCS #8). */
    private static String freshP8() {
        try {
            java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC");
            g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            return "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes())
                    .encodeToString(g.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theMappedSettingsOnceCompletedPassTheProvidersOwnCheck(Row row) {
        AuthProvider<?> provider = ProviderRegistry.installed().find(row.type()).orElseThrow();
        Map<String, Object> entry = Json.readObject(row.entry());
        @SuppressWarnings("unchecked")
        AppServicesProvider exported = new AppServicesProvider("shop-qwert", row.type(), false,
                (Map<String, Object>) entry.getOrDefault("config", Map.of()),
                (Map<String, Object>) entry.getOrDefault("secret_config", Map.of()),
                (List<Map<String, Object>>) entry.getOrDefault("metadata_fields", List.of()),
                (List<String>) entry.getOrDefault("redirect_uris", List.of()),
                (List<String>) entry.getOrDefault("domain_restrictions", List.of()));

        ImportedSettings mapped = provider.fromAppServices(exported).orElseThrow();

        assertThat(mapped.settings()).isEqualTo(row.settings());
        assertThat(mapped.needed()).extracting(ImportedSettings.Needed::key).containsExactlyInAnyOrderElementsOf(row.needed());
        assertThat(mapped.unmapped()).hasSize(row.unmapped().size());
        for (int i = 0; i < row.unmapped().size(); i++) {
            assertThat(mapped.unmapped().get(i)).startsWith(row.unmapped().get(i));
        }
        Map<String, Object> completed = new LinkedHashMap<>(mapped.settings());
        completed.putAll(row.filled());
        provider.settings().validate(completed);
    }

    /** The provider types App Services had (its configuration reference's list); a provider of Atrium's own may have none. */
    static final List<String> APP_SERVICES_TYPES = List.of("anon-user", "local-userpass", "api-key", "custom-token",
            "custom-function", "oauth2-google", "oauth2-facebook", "oauth2-apple");

    @Test
    void everyProviderAppServicesHadIsInstalledWithAMapping() {
        assertThat(APP_SERVICES_TYPES).allSatisfy(type -> assertThat(ProviderRegistry.installed().find(type)
                .flatMap(p -> p.fromAppServices(new AppServicesProvider("shop-qwert", type, false, Map.of(), Map.of(),
                        List.of(), List.of(), List.of())))).as(type).isPresent());
    }

    @Test
    void aSecretIsNamedSoByAtriumsOneRuleForSecrets() {
        assertThat(new ImportedSettings.Needed("shared_secret", "x", "y", true).secret()).isTrue();
        assertThat(new ImportedSettings.Needed("issuer", "x", "y", true).secret()).isFalse();
    }
}
