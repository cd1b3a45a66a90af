package dev.atrium.server.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.NodeProcess;
import dev.atrium.server.testing.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code log-format=json} on a real {@code atrium serve} process: every line it writes is one JSON
 * object with the documented fields, the access log has a line per request, and no secret a
 * caller or an operator handed Atrium (tokens, passwords, API keys, the admin token, webhook
 * secrets, confirmation tokens) appears in any field, at DEBUG. Text stays the default.
 */
class JsonLogsIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyLineIsOneJsonObjectWithTheRequestFieldsAndNoSecretInAnyField() throws Exception {
        List<String> secrets = new ArrayList<>();
        try (WebhookReceiver hook = new WebhookReceiver()) {
            NodeProcess node = NodeProcess.launch("--data-dir", dir.toString(), "--log-format", "json", "--access-log", "true",
                    "--log-level", "DEBUG").awaitReady();
            String base = node.baseUrl();
            String app = node.appId();
            String client = base + "/api/client/v2.0";
            String admin = Files.readString(dir.resolve("admin-token")).strip();
            secrets.add(admin);
            try (node) {
                String api = base + "/api/admin/v1/apps/" + app;
                secrets.addAll(List.of("whsec-events-7f3a9c", "whsec-userpass-51d2e8", "pw-Secret-9431", "pw-Wrong-2244"));
                Http.send("PATCH", api + "/settings", admin, "{\"webhook_url\":\"" + hook.url() + "\",\"webhook_secret\":\"whsec-events-7f3a9c\"}");
                Http.send("PUT", api + "/providers/local-userpass", admin, "{\"enabled\":true,\"config\":{\"confirmation\":\"webhook\","
                        + "\"reset\":\"webhook\",\"webhook_url\":\"" + hook.url() + "\",\"webhook_secret\":\"whsec-userpass-51d2e8\"}}");
                Http.send("PUT", api + "/providers/api-key", admin, "{\"enabled\":true}");

                JsonNode guest = Http.guestLogin(base, app);
                String access = guest.get("access_token").asText();
                String refresh = guest.get("refresh_token").asText();
                secrets.addAll(List.of(access, refresh, signature(access)));
                Http.send("GET", client + "/auth/profile", access, null);
                String refreshed = Http.send("POST", client + "/auth/session", refresh, null).json().get("access_token").asText();
                secrets.add(refreshed);
                JsonNode key = Http.send("POST", client + "/auth/api_keys", refresh, "{\"name\":\"laptop\"}").json();
                secrets.add(key.get("key").asText());
                Http.send("POST", client + "/app/" + app + "/auth/providers/api-key/login", null, "{\"key\":\"" + key.get("key").asText() + "\"}");
                Http.send("POST", client + "/app/" + app + "/auth/providers/api-key/login", null, "{\"key\":\"" + key.get("key").asText() + "x\"}");

                String userpass = client + "/app/" + app + "/auth/providers/local-userpass/";
                Http.send("POST", userpass + "register", null, "{\"email\":\"ann@example.com\",\"password\":\"pw-Secret-9431\"}");
                JsonNode confirm = hook.await("confirm", "ann@example.com", 1);
                secrets.addAll(List.of(confirm.get("token").asText(), confirm.get("tokenId").asText()));
                Http.send("POST", userpass + "confirm", null, "{\"token\":\"" + confirm.get("token").asText() + "x\",\"tokenId\":\""
                        + confirm.get("tokenId").asText() + "\"}");
                Http.send("POST", userpass + "confirm", null, "{\"token\":\"" + confirm.get("token").asText() + "\",\"tokenId\":\""
                        + confirm.get("tokenId").asText() + "\"}");
                Http.send("POST", userpass + "login", null, "{\"username\":\"ann@example.com\",\"password\":\"pw-Wrong-2244\"}");
                Http.send("POST", userpass + "login", null, "{\"username\":\"ann@example.com\",\"password\":\"pw-Secret-9431\"}");
                Http.sendWithHeaders("GET", client + "/auth/profile", Map.of("Authorization", "Bearer " + access + "tampered"), null);
                Http.send("GET", api, admin + "x", null);
                Http.send("GET", base + "/nowhere?token=" + refresh, null, null);
                Http.send("DELETE", client + "/auth/session", refresh, null);
                Http.send("POST", client + "/auth/session", refresh, null);
                node.signalTerm();
                assertThat(node.awaitExit(30)).isZero();
            }

            List<JsonNode> records = new ArrayList<>();
            for (String line : node.output().lines().toList()) {
                JsonNode record = JSON.readTree(line); // throws on any line that is not JSON
                assertThat(record.isObject()).as(line).isTrue();
                records.add(record);
            }
            assertThat(records).allSatisfy(r -> assertThat(r.fieldNames()).toIterable()
                    .contains("time", "level", "logger", "message"));
            JsonNode login = records.stream().filter(r -> r.path("logger").asText().equals("atrium.access")
                    && r.path("route").asText().endsWith("/auth/providers/{provider}/login")).findFirst().orElseThrow();
            assertThat(login.get("request_id").asText()).isNotEmpty();
            assertThat(login.get("app_id").asText()).isEqualTo(app);
            assertThat(login.get("status").asInt()).isEqualTo(200);
            assertThat(login.get("duration_ms").isNumber()).isTrue();
            assertThat(records).anySatisfy(r -> assertThat(r.path("route").asText()).isEqualTo("/api/client/v2.0/auth/profile"));
            assertThat(records).anySatisfy(r -> assertThat(r.path("message").asText()).startsWith("base URL: "));
            assertThat(records).anySatisfy(r -> assertThat(r.path("message").asText()).startsWith("shutdown complete"));
            assertThat(records).as("the errors are logged with their request fields").anySatisfy(r -> {
                assertThat(r.path("logger").asText()).isEqualTo("atrium.http");
                assertThat(r.path("status").asInt()).isEqualTo(401);
                assertThat(r.has("request_id")).isTrue();
            });
            String all = node.output();
            assertThat(secrets).allSatisfy(secret -> assertThat(all).as("a secret in the log").doesNotContain(secret));
            assertThat(all).doesNotContain("pw-Secret").doesNotContain("whsec-");
        }
    }

    @Test
    void textStaysTheDefault() throws Exception {
        try (NodeProcess node = NodeProcess.launch("--data-dir", dir.toString()).awaitReady()) {
            node.signalTerm();
            assertThat(node.awaitExit(30)).isZero();
            assertThat(node.output().lines()).contains("app id: " + node.appId())
                    .anySatisfy(l -> assertThat(l).matches("\\S+ INFO +atrium\\.shutdown: shutdown complete .*"))
                    .noneSatisfy(l -> assertThat(l).startsWith("{"));
        }
    }

    /** The JWT's signature part alone: a log that kept it would let a forged header and payload pass for the real one. */
    static String signature(String jwt) {
        return jwt.substring(jwt.lastIndexOf('.') + 1);
    }
}
