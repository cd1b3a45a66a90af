package dev.atrium.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.server.testing.Http;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every secret of a provider config and of the app settings is write-only: the admin API, the CLI
 * (table and --json) and so the console never show it back, only {@code <key>_set: true}; a config
 * sent back as read keeps it; null removes it.
 */
class WriteOnlySecretsTest extends AdminCliHarness {
    static final String SECRET = "s3cret-" + UUID.randomUUID();

    /**
     * @param config the provider config with {@link #SECRET} in it
     * @param marker the JSON pointer of the {@code _set} marker a read shows in its place
     * @param removal a config that removes the secret (null for it), valid without it
     */
    record Secret(String name, String type, String config, String marker, String removal) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Secret> secrets() {
        return List.of(
                new Secret("local-userpass smtp.password", "local-userpass",
                        "{\"confirmation\":\"email\",\"smtp\":{\"host\":\"smtp.example.com\",\"port\":587,\"password\":\"" + SECRET + "\"}}",
                        "/smtp/password_set", "{\"confirmation\":\"email\",\"smtp\":{\"host\":\"smtp.example.com\",\"password\":null}}"),
                new Secret("local-userpass webhook_secret", "local-userpass",
                        "{\"confirmation\":\"webhook\",\"webhook_url\":\"https://app.example/hook\",\"webhook_secret\":\"" + SECRET + "\"}",
                        "/webhook_secret_set", "{\"confirmation\":\"auto\",\"webhook_secret\":null}"), // webhook mode needs its secret
                new Secret("custom-token shared_secret", "custom-token",
                        "{\"shared_secret\":\"" + SECRET + SECRET + "\",\"audience\":\"a\",\"issuer\":\"https://id.example\",\"algorithms\":[\"HS256\"]}",
                        "/shared_secret_set", "{\"shared_secret\":null,\"jwks_url\":\"https://id.example/jwks\",\"audience\":\"a\","
                                + "\"issuer\":\"https://id.example\",\"algorithms\":[\"RS256\"]}"),
                new Secret("oauth2-google client_secret", "oauth2-google",
                        "{\"client_id\":\"1-web.apps.googleusercontent.com\",\"client_secret\":\"" + SECRET + "\"}",
                        "/client_secret_set", "{\"client_id\":\"1-web.apps.googleusercontent.com\",\"client_secret\":null}"));
    }

    private String providers() {
        return server.baseUrl() + "/api/admin/v1/apps/" + server.appId() + "/providers";
    }

    private Map<String, Object> stored(String type) {
        return server.atrium.store().apps().providers(server.appId()).stream().filter(p -> p.type().equals(type))
                .map(ProviderConfig::config).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void aProviderSecretIsNeverShownBackByTheApiOrTheCliAndAConfigSentBackAsReadKeepsItWhileNullRemovesIt(Secret s)
            throws Exception {
        start();

        Http.Reply put = Http.send("PUT", providers() + "/" + s.type(), token, "{\"enabled\":true,\"config\":" + s.config() + "}");
        Run cli = api("providers", "enable", "--app", server.appId(), s.type(), "--settings", s.config(), "--json");
        Http.Reply list = Http.send("GET", providers(), token, null);

        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().at("/config" + s.marker()).asBoolean()).isTrue();
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.json().at("/config" + s.marker()).asBoolean()).isTrue();
        for (String shown : new String[] {put.body(), cli.out(), cli.err(), list.body()}) {
            assertThat(shown).doesNotContain(SECRET);
        }

        JsonNode asRead = put.json().get("config");
        Http.Reply sentBack = Http.send("PUT", providers() + "/" + s.type(), token, "{\"config\":" + asRead + "}");
        assertThat(sentBack.status()).as(sentBack.body()).isEqualTo(200);
        assertThat(stored(s.type()).toString()).as("kept when sent back as read").contains(SECRET).doesNotContain("_set");

        Http.Reply removed = Http.send("PUT", providers() + "/" + s.type(), token, "{\"config\":" + s.removal() + "}");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().at("/config" + s.marker()).isMissingNode()).isTrue();
        assertThat(stored(s.type()).toString()).doesNotContain(SECRET);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void aProviderSecretThatIsNotAStringIsRefusedNamingIt(Secret s) throws Exception {
        start();
        String number = s.config().replace("\"" + SECRET + SECRET + "\"", "12345").replace("\"" + SECRET + "\"", "12345");

        Http.Reply put = Http.send("PUT", providers() + "/" + s.type(), token, "{\"enabled\":true,\"config\":" + number + "}");

        assertThat(put.status()).isEqualTo(400);
        assertThat(put.json().get("error_code").asText()).isEqualTo("InvalidParameter");
        assertThat(put.json().get("error").asText()).contains(s.marker().substring(1).replace("_set", "").replace('/', '.'))
                .contains("must be a string");
    }

    @org.junit.jupiter.api.Test
    void theWebhookSecretIsNeverShownByAppsConfigureOrAppsSettingsTableOrJson() throws Exception {
        start();

        Run configure = api("apps", "configure", "--app", server.appId(), "--webhook-url", "https://hooks.example/e",
                "--webhook-secret", SECRET);
        Run table = api("apps", "settings", "--app", server.appId());
        Run json = api("apps", "settings", "--app", server.appId(), "--json");

        assertThat(configure.code()).as(configure.err()).isZero();
        assertThat(json.json().get("webhook_secret_set").asBoolean()).isTrue();
        for (Run r : new Run[] {configure, table, json}) {
            assertThat(r.out() + r.err()).doesNotContain(SECRET);
        }
        assertThat(server.atrium.store().apps().find(server.appId()).orElseThrow().settings().webhookSecret()).isEqualTo(SECRET);
    }
}
