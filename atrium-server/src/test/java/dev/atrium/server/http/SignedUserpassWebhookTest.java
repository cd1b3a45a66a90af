package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.server.testing.HostileReceiver;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * local-userpass webhooks are signed like the event webhooks (Standard Webhooks), with the
 * provider's write-only {@code webhook_secret}; checked here with the specification's recipe
 * written out with the JDK alone (not with Atrium's signing code). The specification's own
 * libraries verify them in interop-tests (StandardWebhooksJavaTest, StandardWebhooksNodeTest).
 */
class SignedUserpassWebhookTest {
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"; // the specification's example secret

    @TempDir
    Path dir;
    TestServer server;
    HostileReceiver hook;
    String admin;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.sqlite(dir);
        hook = HostileReceiver.start(HostileReceiver.answer(200, "{}"));
        admin = Files.readString(dir.resolve("admin-token")).trim();
    }

    @AfterEach
    void stop() {
        server.close();
        hook.close();
    }

    private Http.Reply putProvider(String config) {
        return Http.send("PUT", server.baseUrl() + "/api/admin/v1/apps/" + server.appId() + "/providers/local-userpass", admin,
                "{\"enabled\":true,\"config\":" + config + "}");
    }

    private String webhookConfig(String secretPart) {
        return "{\"confirmation\":\"webhook\",\"reset\":\"webhook\",\"webhook_url\":\"" + hook.url("/hook") + "\"" + secretPart + "}";
    }

    private void register(String email) {
        Http.Reply r = server.send("POST", server.provider("local-userpass", "register"), null,
                "{\"email\":\"" + email + "\",\"password\":\"secret1\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    /**
     * The specification's recipe: HMAC-SHA256 keyed by the base64 after {@code whsec_}, over
     * {@code "<webhook-id>.<webhook-timestamp>.<body>"}, base64, after {@code v1,}, compared in constant time.
     */
    private static boolean verifies(HostileReceiver.Request call, byte[] body, String secret) throws Exception {
        String signed = call.header("webhook-id") + "." + call.header("webhook-timestamp") + ".";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update(signed.getBytes(StandardCharsets.UTF_8));
        byte[] expected = ("v1," + Base64.getEncoder().encodeToString(mac.doFinal(body))).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, call.header("webhook-signature").getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void signatureVerifiesWithTheDocumentedRecipeAndATamperedBodyDoesNot() throws Exception {
        assertThat(putProvider(webhookConfig(",\"webhook_secret\":\"" + SECRET + "\"")).status()).isEqualTo(200);

        register("ann@example.com");

        register("bob@example.com");

        HostileReceiver.Request call = hook.requests.getFirst();
        assertThat(call.header("webhook-id")).matches("msg_[A-Za-z0-9_-]{22}")
                .isNotEqualTo(hook.requests.get(1).header("webhook-id"));
        assertThat(Long.parseLong(call.header("webhook-timestamp"))).isEqualTo(server.clock.instant().getEpochSecond());
        assertThat(call.header("webhook-signature")).matches("v1,[A-Za-z0-9+/]{43}=");
        assertThat(new ObjectMapper().readTree(call.body()).get("type").asText()).isEqualTo("confirm");
        assertThat(verifies(call, call.body(), SECRET)).isTrue();

        byte[] tampered = call.body().clone();
        tampered[tampered.length - 2] ^= 1;
        assertThat(verifies(call, tampered, SECRET)).as("a tampered body").isFalse();
        assertThat(verifies(call, call.body(), "whsec_" + Base64.getEncoder().encodeToString(new byte[24])))
                .as("another secret").isFalse();
    }

    @Test
    void webhookSecretIsWriteOnlyAndKeptWhenAConfigComesBackWithoutIt() throws Exception {
        putProvider(webhookConfig(",\"webhook_secret\":\"" + SECRET + "\""));

        JsonNode shown = providerView();
        assertThat(shown.get("config").has("webhook_secret")).isFalse();
        assertThat(shown.get("config").get("webhook_secret_set").asBoolean()).isTrue();
        assertThat(shown.toString()).doesNotContain(SECRET);

        Http.Reply sentBack = putProvider(shown.get("config").toString()); // what the console does after an edit
        assertThat(sentBack.status()).as(sentBack.body()).isEqualTo(200);
        assertThat(sentBack.json().get("config").get("webhook_secret_set").asBoolean()).isTrue();
        register("ann@example.com");
        HostileReceiver.Request call = hook.requests.getFirst();
        assertThat(verifies(call, call.body(), SECRET)).as("signed with the kept secret").isTrue();
    }

    private JsonNode providerView() {
        for (JsonNode p : Http.send("GET", server.baseUrl() + "/api/admin/v1/apps/" + server.appId() + "/providers", admin, null)
                .json()) {
            if (p.get("type").asText().equals("local-userpass")) {
                return p;
            }
        }
        throw new AssertionError("no local-userpass provider");
    }

    @Test
    void whsecSecretThatIsNotTheBase64OfAKeyIsRefusedAtConfigurationAndNothingChanges() {
        Http.Reply refused = putProvider(webhookConfig(",\"webhook_secret\":\"whsec_not-base64\""));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error_code").asText()).isEqualTo("InvalidParameter");
        assertThat(refused.json().get("error").asText())
                .isEqualTo("local-userpass config: webhook_secret starting with whsec_ must be followed by base64");
        assertThat(Http.send("GET", server.baseUrl() + "/api/admin/v1/apps/" + server.appId() + "/providers", admin, null).json())
                .as("nothing stored").noneMatch(p -> p.get("type").asText().equals("local-userpass"));
    }

    @Test
    void webhookModeWithoutASecretIsRefusedAtConfigurationAndAStoredOneWithoutItSendsNothing() {
        Http.Reply refused = putProvider(webhookConfig(""));
        Http.Reply removed = putProvider(webhookConfig(",\"webhook_secret\":null"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error_code").asText()).isEqualTo("InvalidParameter");
        assertThat(refused.json().get("error").asText())
                .isEqualTo("local-userpass config: webhook_secret is required when confirmation or reset is webhook (it signs every call)");
        assertThat(removed.status()).isEqualTo(400);

        server.enable("local-userpass", Map.of("confirmation", "webhook", "webhook_url", hook.url("/hook"))); // saved before the rule
        Http.Reply r = server.send("POST", server.provider("local-userpass", "register"), null,
                "{\"email\":\"ann@example.com\",\"password\":\"secret1\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo("local-userpass provider has no webhook_secret configured");
        assertThat(hook.hits.get()).as("nothing unsigned is sent").isZero();
    }
}
