package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User API keys under the refresh token (docs/client-api.md, User and session routes) and login with a key (docs/client-api.md, Login and linking). */
class ApiKeyRoutesTest {
    @TempDir
    Path dir;
    TestServer server;
    JsonNode user;
    String refresh;

    @BeforeEach
    void start() {
        server = TestServer.sqlite(dir);
        server.enable("api-key", Map.of());
        user = server.guestLogin();
        refresh = user.get("refresh_token").asText();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Http.Reply call(String method, String suffix, String body) {
        return server.send(method, server.client("/auth/api_keys" + suffix), refresh, body);
    }

    private Http.Reply loginWith(String key) {
        return server.send("POST", server.provider("api-key", "login"), null, "{\"key\":\"" + key + "\"}");
    }

    private static void assertError(Http.Reply r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.json().get("error_code").asText()).isEqualTo(code);
    }

    @Test
    void createShowsThePlainIdAndTheKeyOnceThenFetchAndListNeverShowTheKey() {
        Http.Reply created = call("POST", "", "{\"name\":\"k1\"}");

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("_id").asText();
        assertThat(ObjectIds.isValid(id)).isTrue();
        assertThat(created.json().get("key").asText()).hasSizeGreaterThan(40);
        assertThat(created.json().get("disabled").asBoolean()).isFalse();
        assertThat(call("GET", "/" + id, null).json().has("key")).isFalse();
        JsonNode list = call("GET", "", null).json();
        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("_id").asText()).isEqualTo(id);
        assertThat(list.get(0).has("key")).isFalse();
        assertThat(server.count("api_keys")).isEqualTo(1);
    }

    @Test
    void loginWithTheKeyReturnsItsOwnerUntilDisabledAndAfterEnabledAgain() {
        JsonNode created = call("POST", "", "{\"name\":\"k1\"}").json();
        String key = created.get("key").asText();
        String id = created.get("_id").asText();

        assertThat(loginWith(key).json().get("user_id").asText()).isEqualTo(user.get("user_id").asText());
        assertThat(call("PUT", "/" + id + "/disable", null).status()).isEqualTo(204);
        assertError(loginWith(key), 401, "AuthError");
        assertThat(call("PUT", "/" + id + "/enable", null).status()).isEqualTo(204);
        assertThat(loginWith(key).status()).isEqualTo(200);
        assertThat(call("DELETE", "/" + id, null).status()).isEqualTo(204);
        assertError(loginWith(key), 401, "AuthError");
    }

    @Test
    void refusalsUseTheDocumentedCodes() {
        String id = call("POST", "", "{\"name\":\"k1\"}").json().get("_id").asText();

        assertError(call("POST", "", "{\"name\":\"k1\"}"), 409, "APIKeyAlreadyExists");
        assertError(call("POST", "", "{\"name\":\"bad name!\"}"), 400, "InvalidParameter");
        assertError(call("POST", "", "{}"), 400, "InvalidParameter");
        assertError(call("GET", "/000000000000000000000001", null), 404, "APIKeyNotFound");
        assertError(call("PUT", "/000000000000000000000001/disable", null), 404, "APIKeyNotFound");
        assertError(call("DELETE", "/000000000000000000000001", null), 404, "APIKeyNotFound");
        assertError(server.send("GET", server.client("/auth/api_keys"), user.get("access_token").asText(), null), 401, "InvalidSession");
        String otherRefresh = server.guestLogin().get("refresh_token").asText();
        assertError(server.send("GET", server.client("/auth/api_keys/" + id), otherRefresh, null), 404, "APIKeyNotFound");
        assertError(loginWith(""), 400, "MissingParameter");
        assertThat(server.count("api_keys")).isEqualTo(1);
    }

    @Test
    void keysOfADeletedUserAreGone() {
        String key = call("POST", "", "{\"name\":\"k1\"}").json().get("key").asText();

        server.send("DELETE", server.client("/auth/delete"), user.get("access_token").asText(), null);

        assertThat(server.count("api_keys")).isZero();
        assertError(loginWith(key), 401, "AuthError");
    }
}
