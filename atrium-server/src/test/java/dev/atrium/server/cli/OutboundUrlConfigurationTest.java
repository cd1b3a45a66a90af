package dev.atrium.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.server.testing.Http;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A URL Atrium would call is http(s) with a host, or it is refused when configured (400
 * InvalidParameter from the admin API, exit 1 from the CLI on either path) and nothing is stored:
 * the app's event webhook, the local-userpass webhook and the custom-token JWKS. More schemes are
 * in AdminApiTest's table and OutboundTest (refused again at call time).
 */
class OutboundUrlConfigurationTest extends AdminCliHarness {

    private String userpass(String url) {
        return "{\"confirmation\":\"webhook\",\"reset\":\"webhook\",\"webhook_url\":\"" + url + "\",\"webhook_secret\":\"s\"}";
    }

    private String customToken(String url) {
        return "{\"jwks_url\":\"" + url + "\",\"audience\":\"a\",\"issuer\":\"https://id.example\",\"algorithms\":[\"RS256\"]}";
    }

    private void assertRefused(Http.Reply r, String error) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.json().get("error_code").asText()).isEqualTo("InvalidParameter");
        assertThat(r.json().get("error").asText()).isEqualTo(error);
    }

    private void assertRefused(Run run, String error) {
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("InvalidParameter: " + error);
    }

    @Test
    void fileAndGopherUrlsAreRefusedByTheAdminApiAndTheCliOnBothPathsAndNothingIsStored() throws IOException {
        start();
        String app = server.baseUrl() + "/api/admin/v1/apps/" + server.appId();
        String id = server.appId();
        String userpassError = "local-userpass config: webhook_url must be an http(s) URL with a host";
        String jwksError = "custom-token config: jwks_url must be an http(s) URL with a host";
        String eventsError = "webhook_url must be an http(s) URL with a host";

        for (String url : List.of("file:///etc/passwd", "gopher://127.0.0.1:70/_x")) {
            assertRefused(Http.send("PUT", app + "/providers/local-userpass", token,
                    "{\"enabled\":true,\"config\":" + userpass(url) + "}"), userpassError);
            assertRefused(Http.send("PUT", app + "/providers/custom-token", token,
                    "{\"enabled\":true,\"config\":" + customToken(url) + "}"), jwksError);
            assertRefused(Http.send("PATCH", app + "/settings", token, "{\"webhook_url\":\"" + url + "\"}"), eventsError);
            assertRefused(api("providers", "enable", "--app", id, "local-userpass", "--settings", userpass(url)), userpassError);
            assertRefused(store("providers", "enable", "--app", id, "local-userpass", "--settings", userpass(url)), userpassError);
            assertRefused(api("providers", "enable", "--app", id, "custom-token", "--settings", customToken(url)), jwksError);
            assertRefused(store("providers", "enable", "--app", id, "custom-token", "--settings", customToken(url)), jwksError);
            assertRefused(api("apps", "configure", "--app", id, "--webhook-url", url), eventsError);
            assertRefused(store("apps", "configure", "--app", id, "--webhook-url", url), eventsError);
        }

        var apps = server.atrium.store().apps();
        assertThat(apps.providers(id)).filteredOn(p -> !p.type().equals("anon-user")).allSatisfy(p -> {
            assertThat(p.enabled()).isFalse();
            assertThat(p.config()).isEmpty();
        });
        assertThat(apps.find(id).orElseThrow().settings().webhookUrl()).isNull();
    }
}
