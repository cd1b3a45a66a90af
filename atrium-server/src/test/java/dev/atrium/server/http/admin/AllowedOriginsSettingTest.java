package dev.atrium.server.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code allowed_origins} app setting on the admin API: {@code ["*"]} for a new app, set and
 * read back normalised, and every invalid value refused with 400 naming the bad entry, nothing changed.
 */
class AllowedOriginsSettingTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static String token;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.sqlite(dir);
        token = Files.readString(dir.resolve("admin-token")).trim();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Http.Reply admin(String method, String path, String body) {
        return Http.send(method, server.baseUrl() + "/api/admin/v1" + path, token, body);
    }

    static String newApp() {
        return admin("POST", "/apps", "{\"name\":\"Origins\"}").json().get("id").asText();
    }

    static List<String> origins(JsonNode settings) {
        return settings.get("allowed_origins").valueStream().map(JsonNode::asText).toList();
    }

    @Test
    void newAppAllowsAnyOriginAndAListIsStoredNormalised() {
        String app = newApp();
        JsonNode fresh = admin("GET", "/apps/" + app, null).json().get("settings");

        JsonNode set = admin("PATCH", "/apps/" + app + "/settings",
                "{\"allowed_origins\":[\"HTTPS://Blog.Example:443\",\"https://*.example.com\",\"http://127.0.0.1:5173\",\"https://blog.example\"]}")
                .json();
        JsonNode none = admin("PATCH", "/apps/" + app + "/settings", "{\"allowed_origins\":[]}").json();
        JsonNode any = admin("PATCH", "/apps/" + app + "/settings", "{\"allowed_origins\":[\"*\"]}").json();

        assertThat(origins(fresh)).containsExactly("*");
        assertThat(origins(set)).containsExactly("https://blog.example", "https://*.example.com", "http://127.0.0.1:5173");
        assertThat(origins(none)).isEmpty();
        assertThat(origins(any)).containsExactly("*");
        assertThat(origins(admin("GET", "/apps/" + app, null).json().get("settings"))).containsExactly("*");
    }

    /** An invalid value and what the error must name. */
    record Invalid(String name, String value, String named) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Invalid> invalid() {
        return List.of(
                new Invalid("a path", "[\"https://blog.example/app\"]", "'https://blog.example/app' is not an origin: it has a path"),
                new Invalid("a trailing slash", "[\"https://blog.example/\"]", "'https://blog.example/' is not an origin: it has a path"),
                new Invalid("a query", "[\"https://blog.example?x=1\"]", "'https://blog.example?x=1' is not an origin: it has a query"),
                new Invalid("another scheme", "[\"ftp://files.example\"]", "'ftp://files.example' is not an origin: the scheme must be http or https"),
                new Invalid("no scheme", "[\"blog.example\"]", "'blog.example' is not an origin"),
                new Invalid("'*' with other entries", "[\"*\",\"https://blog.example\"]", "'*' (any origin) must be the only entry"),
                new Invalid("'https://*' alone", "[\"https://*\"]", "'https://*' is not an origin pattern: it would allow every site"),
                new Invalid("a wildcard below the left-most label", "[\"https://a.*.example.com\"]",
                        "'https://a.*.example.com' is not an origin pattern: a wildcard must be the whole left-most label"),
                new Invalid("a wildcard inside a label", "[\"https://*blog.example\"]", "'https://*blog.example' is not an origin pattern"),
                new Invalid("the null origin", "[\"null\"]", "'null'"),
                new Invalid("one bad entry among good ones", "[\"https://ok.example\",\"https://bad.example/x\"]",
                        "'https://bad.example/x' is not an origin"),
                new Invalid("not an array", "\"https://blog.example\"", "allowed_origins must be an array"),
                new Invalid("a number in the array", "[\"https://blog.example\",5]", "allowed_origins must be an array"),
                new Invalid("null", "null", "allowed_origins must be an array"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidAllowedOriginsAreRefusedNamingTheEntryAndNothingChanges(Invalid x) {
        String app = newApp();
        admin("PATCH", "/apps/" + app + "/settings", "{\"allowed_origins\":[\"https://kept.example\"],\"guest_burst\":7}");
        String before = admin("GET", "/apps/" + app, null).body();

        Http.Reply r = admin("PATCH", "/apps/" + app + "/settings", "{\"guest_burst\":9,\"allowed_origins\":" + x.value() + "}");

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.json().get("error_code").asText()).isEqualTo("InvalidParameter");
        assertThat(r.json().get("error").asText()).contains(x.named());
        assertThat(admin("GET", "/apps/" + app, null).body()).as("nothing changed").isEqualTo(before);
    }
}
