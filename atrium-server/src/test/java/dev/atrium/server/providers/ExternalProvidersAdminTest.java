package dev.atrium.server.providers;

import static dev.atrium.server.testing.ProviderCalls.assertError;
import static dev.atrium.server.testing.ProviderCalls.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.ProviderCalls;
import dev.atrium.server.testing.TestServer;
import dev.atrium.server.testing.idp.IdpStub;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The four external-identity providers in the admin API: enabling needs valid settings (every bad
 * or unknown key named at once, nothing saved), a disabled one may have none, disabling keeps the
 * users, and their secrets ({@code client_secret}, {@code app_secret}, {@code function_secret}) are
 * write-only and stored encrypted.
 */
class ExternalProvidersAdminTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    TestServer server;
    IdpStub stub;
    String token;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.sqlite(dir);
        stub = IdpStub.start(server.clock::instant);
        token = Files.readString(dir.resolve("admin-token")).trim();
    }

    @AfterEach
    void stop() {
        server.close();
        stub.close();
    }

    private Http.Reply put(String type, Object body) throws Exception {
        return Http.send("PUT", server.baseUrl() + "/api/admin/v1/apps/" + server.appId() + "/providers/" + type, token,
                JSON.writeValueAsString(body));
    }

    private boolean enabledInStore(String type) {
        return server.atrium.store().apps().providers(server.appId()).stream().anyMatch(p -> p.type().equals(type) && p.enabled());
    }

    record BadConfig(String type, Map<String, Object> config, List<String> named) {
        @Override
        public String toString() {
            return type + " " + config.keySet();
        }
    }

    static Stream<BadConfig> badConfigs() {
        return Stream.of(
                new BadConfig("oauth2-apple", Map.of(), List.of("client_ids is required")),
                new BadConfig("oauth2-apple", Map.of("client_ids", "com.example.app", "jwks_url", "file:///etc/passwd",
                        "clock_skew_s", 900, "client_id", "typo"), List.of("client_ids must be a list of strings",
                        "jwks_url must be an http(s) URL with a host", "clock_skew_s must be 0..300",
                        "client_id is not a setting")),
                new BadConfig("oauth2-google", Map.of(), List.of("client_id is required")),
                new BadConfig("oauth2-google", Map.of("client_id", " ", "issuers", List.of(), "token_url", "gopher://x",
                        "redirect_uri", 5), List.of("client_id must not be blank", "issuers must not be empty",
                        "token_url must be an http(s) URL with a host", "redirect_uri must be a string")),
                new BadConfig("oauth2-facebook", Map.of(), List.of("app_id is required", "app_secret is required")),
                new BadConfig("oauth2-facebook", Map.of("app_id", "1", "app_secret", "s", "graph_version", "21",
                        "graph_url", "https://graph.example?x=1"), List.of("graph_version must look like v21.0",
                        "graph_url must have no query")),
                new BadConfig("custom-function", Map.of(), List.of("function_url is required", "function_secret is required")),
                new BadConfig("custom-function", Map.of("function_url", "ftp://example.com/f", "function_secret", "s",
                        "webhook_secret", "w"), List.of("function_url must be an http(s) URL with a host", "webhook_secret is not a setting")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void enablingWithMissingBadOrUnknownSettingsIsRefusedNamingEveryProblemAndSavesNothing(BadConfig bad) throws Exception {
        Http.Reply r = put(bad.type, Map.of("enabled", true, "config", bad.config));

        assertError(r, 400, "InvalidParameter", bad.type + " config: ");
        for (String problem : bad.named) {
            assertThat(r.json().get("error").asText()).contains(problem);
        }
        assertThat(enabledInStore(bad.type)).isFalse();
    }

    @Test
    void aDisabledProviderNeedsNoSettingsAndDisablingKeepsItsUsers() throws Exception {
        ProviderCalls apple = new ProviderCalls(server, "oauth2-apple");
        String idToken = stub.apple.sign(stub.apple.claims("001.kept").build());
        assertThat(put("oauth2-apple", Map.of("enabled", false)).status()).isEqualTo(200);
        assertError(apple.login(body("id_token", idToken)), 404, "AuthProviderNotFound", "oauth2-apple");

        assertThat(put("oauth2-apple", Map.of("enabled", true, "config", stub.appleSettings())).status()).isEqualTo(200);
        String user = ProviderCalls.userId(apple.login(body("id_token", idToken)));
        long users = server.count("users");
        assertThat(put("oauth2-apple", Map.of("enabled", false)).status()).isEqualTo(200);
        assertError(apple.login(body("id_token", idToken)), 404, "AuthProviderNotFound", "");
        assertThat(server.count("users")).isEqualTo(users);
        assertThat(put("oauth2-apple", Map.of("enabled", true)).status()).as("the stored settings are valid").isEqualTo(200);
        assertThat(ProviderCalls.userId(apple.login(body("id_token", idToken)))).isEqualTo(user);
    }

    record Secret(String type, String key) {
        @Override
        public String toString() {
            return type + " " + key;
        }
    }

    static Stream<Secret> secrets() {
        return Stream.of(new Secret("oauth2-facebook", "app_secret"), new Secret("custom-function", "function_secret"),
                new Secret("oauth2-google", "client_secret"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void aSecretIsNeverShownBackIsStoredEncryptedAndIsKeptWhenTheConfigComesBackAsRead(Secret s) throws Exception {
        Map<String, Object> config = stub.settings(s.type);
        String secret = (String) config.get(s.key);

        Http.Reply saved = put(s.type, Map.of("enabled", true, "config", config));
        Http.Reply list = Http.send("GET", server.baseUrl() + "/api/admin/v1/apps/" + server.appId() + "/providers", token, null);

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().at("/config/" + s.key + "_set").asBoolean()).isTrue();
        assertThat(saved.body() + list.body()).doesNotContain(secret);
        assertThat(sqliteText()).as("encrypted at rest").contains(s.type).doesNotContain(secret);

        JsonNode asRead = saved.json().get("config");
        assertThat(put(s.type, Map.of("config", asRead)).status()).isEqualTo(200);
        assertThat(server.atrium.store().apps().providers(server.appId()).stream().filter(p -> p.type().equals(s.type))
                .findFirst().orElseThrow().config()).containsEntry(s.key, secret);
    }

    /** The SQLite files as text, as someone who copied them reads them. */
    private String sqliteText() throws Exception {
        StringBuilder text = new StringBuilder();
        for (String name : new String[] {"atrium.db", "atrium.db-wal"}) {
            if (Files.exists(dir.resolve(name))) {
                text.append(new String(Files.readAllBytes(dir.resolve(name)), StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }

    @Test
    void aRequiredSecretCannotBeRemovedFromAnEnabledProvider() throws Exception {
        put("oauth2-facebook", Map.of("enabled", true, "config", stub.facebookSettings()));
        Map<String, Object> without = new java.util.HashMap<>(stub.facebookSettings());
        without.put("app_secret", null);

        assertError(put("oauth2-facebook", Map.of("config", without)), 400, "InvalidParameter",
                "oauth2-facebook config: app_secret is required");
        assertThat(new ProviderCalls(server, "oauth2-facebook")
                .login(body("accessToken", stub.facebookToken("1", "A", null))).status()).isEqualTo(200);
    }
}
