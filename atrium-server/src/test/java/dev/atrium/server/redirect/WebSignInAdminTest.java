package dev.atrium.server.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.server.testing.Http;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web redirect flow's settings in the admin API: Apple's signing key is write-only (shown as
 * {@code private_key_secret_set}, kept when the shown config is sent back, encrypted at rest), and
 * a bad key or a bad allowed page is refused naming it, nothing saved.
 */
class WebSignInAdminTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static WebSignInServer f;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        f = WebSignInServer.start(dir);
        token = Files.readString(dir.resolve("admin-token")).trim();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static Http.Reply put(String type, Map<String, Object> config) throws Exception {
        return Http.send("PUT", f.server.baseUrl() + "/api/admin/v1/apps/" + f.server.appId() + "/providers/" + type, token,
                JSON.writeValueAsString(Map.of("enabled", true, "config", config)));
    }

    static JsonNode shown(String type) {
        for (JsonNode p : Http.send("GET", f.server.baseUrl() + "/api/admin/v1/apps/" + f.server.appId() + "/providers", token, null)
                .json()) {
            if (p.get("type").asText().equals(type)) {
                return p.get("config");
            }
        }
        throw new AssertionError(type + " not listed");
    }

    @Test
    void applesSigningKeyIsWriteOnlyKeptWhenTheShownConfigComesBackAndEncryptedAtRest() throws Exception {
        Http.Reply saved = put("oauth2-apple", f.stub.webSettings("oauth2-apple", List.of(WebSignInServer.PAGE)));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode config = shown("oauth2-apple");
        assertThat(config.has("private_key_secret")).isFalse();
        assertThat(config.get("private_key_secret_set").asBoolean()).isTrue();
        assertThat(config.toString()).doesNotContain("PRIVATE KEY");

        @SuppressWarnings("unchecked")
        Map<String, Object> back = new HashMap<>(JSON.convertValue(config, Map.class));
        back.put("allowed_redirect_urls", List.of(WebSignInServer.PAGE, WebSignInServer.LOCAL_PAGE));
        assertThat(put("oauth2-apple", back).status()).isEqualTo(200);

        assertThat(WebSignInServer.fragment(f.login("oauth2-apple", "abcdefghijkl", WebSignInServer.LOCAL_PAGE)))
                .as("the kept key still signs Apple's client secret").containsKey("_baas_ua");
        StringBuilder stored = new StringBuilder();
        for (String file : new String[] {"atrium.db", "atrium.db-wal"}) {
            if (Files.exists(dir.resolve(file))) {
                stored.append(new String(Files.readAllBytes(dir.resolve(file)), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(stored).as("the config is in the files read").contains(dev.atrium.server.testing.idp.IdpStub.APPLE_TEAM_ID);
        assertThat(stored).as("the key is encrypted at rest").doesNotContain("PRIVATE KEY");
    }

    @Test
    void aBadKeyOrABadPageIsRefusedNamingItAndNothingIsSaved() throws Exception {
        JsonNode before = shown("oauth2-google");
        Map<String, Object> apple = new HashMap<>(f.stub.webSettings("oauth2-apple", List.of(WebSignInServer.PAGE)));
        apple.put("private_key_secret", "not a key");
        Map<String, Object> google = new HashMap<>(f.stub.webSettings("oauth2-google", List.of("https://app.example.com/#done")));

        Http.Reply badKey = put("oauth2-apple", apple);
        Http.Reply badPage = put("oauth2-google", google);

        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.json().get("error_code").asText()).isEqualTo("InvalidParameter");
        assertThat(badKey.json().get("error").asText()).contains("private_key_secret must be the .p8 file's text")
                .doesNotContain("not a key");
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.json().get("error").asText()).contains("allowed_redirect_urls: 'https://app.example.com/#done'");
        assertThat(shown("oauth2-google")).isEqualTo(before);
    }
}
