package dev.atrium.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.server.testing.Chromium;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.NodeTestRunner;
import dev.atrium.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web console: its files as the server serves them, and the console in
 * headless Chromium (Debian's {@code /usr/bin/chromium}, driven by {@code playwright-core} from
 * {@code sdk-tests/console}) against a real server on SQLite with seeded guests, a linked user and
 * their events. The browser scenarios are in {@code sdk-tests/console/console.test.mjs}; they save a
 * screenshot of each step under {@code target/console-screenshots/}, and check every page with
 * axe-core (no serious or critical violation; its findings beside the screenshots).
 *
 * <p>Needs Chromium ({@code apt-get install -y chromium}) and {@code npm ci} in
 * {@code sdk-tests/console}; without them this test fails and says so (it never skips).
 */
@Tag("browser")
class ConsoleBrowserTest {
    static final String PLAYWRIGHT_VERSION = "1.65.1";
    /** axe-core, which checks every page for accessibility problems (docs/console.md, Tests). */
    static final String AXE_VERSION = "4.14.1";
    /** The custom-token shared secret the browser scenario configures and must never see again. */
    static final String PROVIDER_SECRET = "console-shared-secret-" + java.util.UUID.randomUUID();
    /** A hang guard for the whole browser run (it takes seconds). */
    static final long TIMEOUT_SECONDS = 240;

    @TempDir
    Path dir;

    @Test
    void consoleScenariosPassInHeadlessChromium() throws Exception {
        Path chromium = Chromium.requireInstalled();
        NodeTestRunner node = NodeTestRunner.requireInstalled("console", "playwright-core", PLAYWRIGHT_VERSION);
        NodeTestRunner.requirePackage("sdk-tests/console", "axe-core", AXE_VERSION);
        Path screenshots = Chromium.freshScreenshotDir("console-screenshots");
        try (TestServer server = TestServer.sqlite(dir)) {
            Seed seed = seed(server);
            String token = Files.readString(dir.resolve("admin-token")).trim();
            Map<String, String> env = Map.of(
                    "ATRIUM_BASE_URL", server.baseUrl(),
                    "ATRIUM_ADMIN_TOKEN", token,
                    "ATRIUM_APP_ID", server.appId(),
                    "ATRIUM_GUEST_IDS", String.join(",", seed.guests()),
                    "ATRIUM_LINKED_ID", seed.linked(),
                    "ATRIUM_SCREENSHOT_DIR", screenshots.toString(),
                    "ATRIUM_PROVIDER_SECRET", PROVIDER_SECRET,
                    "ATRIUM_CHROMIUM", chromium.toString());

            node.runPassing(server, env, TIMEOUT_SECONDS, "console.test.mjs");

            // What the browser did, seen from the server.
            String admin = server.baseUrl() + "/api/admin/v1/apps/" + server.appId();
            assertThat(Http.send("GET", admin + "/users/" + seed.guests().get(0), token, null).status())
                    .as("the guest deleted in the console is gone").isEqualTo(404);
            // The filtered bulk delete kept the linked user (checked in the browser scenario); the
            // last scenario then deleted every user with no filter, after the console's warning.
            assertThat(Http.send("GET", admin + "/users/" + seed.linked(), token, null).status())
                    .as("the no-filter bulk delete took the linked user too").isEqualTo(404);
            assertThat(Http.send("GET", admin + "/users", token, null).json().get("users")).isEmpty();
            var custom = server.atrium.store().apps().providers(server.appId()).stream()
                    .filter(p -> p.type().equals("custom-token")).findFirst().orElseThrow();
            assertThat(custom.config()).as("the secret the console never showed was kept when its config was saved as shown")
                    .containsEntry("shared_secret", PROVIDER_SECRET);
            JsonNode anon = providers(server, token, "anon-user");
            assertThat(anon.path("enabled").asBoolean()).as("anon-user enabled again at the end: " + anon).isTrue();
            assertThat(server.guestLogin().has("access_token")).isTrue();
            // The browser origins set on the settings page are in force on the client API.
            assertThat(corsOrigin(server, "https://a.example.com")).hasValue("https://a.example.com");
            assertThat(corsOrigin(server, "https://evil-example.com")).isEmpty();
        }
        assertThat(Chromium.screenshots(screenshots)).as("screenshots of each step in " + screenshots)
                .isGreaterThanOrEqualTo(8);
    }

    @Test
    void consoleFilesAreServedWithTheirTypeAndStrictHeaders() throws Exception {
        try (TestServer server = TestServer.sqlite(dir)) {
            String base = server.baseUrl() + "/console";
            Http.Reply redirect = Http.send("GET", base, null, null);
            assertThat(redirect.status()).isEqualTo(301);
            assertThat(redirect.raw().headers().firstValue("Location")).hasValue("/console/");

            for (String[] file : new String[][] {
                    {"/", "text/html; charset=utf-8", "<script type=\"module\" src=\"app.js\">"},
                    {"/index.html", "text/html; charset=utf-8", "<dialog id=\"confirm-dialog\""},
                    {"/app.js", "text/javascript; charset=utf-8", "import "},
                    {"/styles.css", "text/css; charset=utf-8", ":root"},
                    {"/favicon.svg", "image/svg+xml", "<svg"}}) {
                Http.Reply r = Http.send("GET", base + file[0], null, null);
                assertThat(r.status()).as(file[0]).isEqualTo(200);
                assertThat(r.contentType()).as(file[0]).isEqualTo(file[1]);
                assertThat(r.body()).as(file[0]).contains(file[2]);
                var headers = r.raw().headers();
                assertThat(headers.firstValue("Cache-Control")).as(file[0]).hasValue("no-cache");
                assertThat(headers.firstValue("X-Content-Type-Options")).as(file[0]).hasValue("nosniff");
                assertThat(headers.firstValue("Content-Security-Policy")).as(file[0]).get(
                        org.assertj.core.api.InstanceOfAssertFactories.STRING)
                        .startsWith("default-src 'self'").doesNotContain("unsafe");
                String etag = headers.firstValue("ETag").orElseThrow();
                Http.Reply again = Http.sendWithHeaders("GET", base + file[0], Map.of("If-None-Match", etag), null);
                assertThat(again.status()).as(file[0] + " revalidated").isEqualTo(304);
            }
            // Every module the console loads is served (the index imports app.js, app.js the rest).
            for (String module : modules(server)) {
                assertThat(Http.send("GET", base + "/" + module, null, null).status()).as(module).isEqualTo(200);
            }

            List<String> refused = List.of("/nope.js", "/.hidden.js", "/..%2fadmin%2fopenapi.json", "/%2e%2e%2fadmin%2fopenapi.json",
                    "/..", "/app.JS", "/App.js", "/app.js.bak", "/app.class", "/../admin/openapi.json", "/a/app.js",
                    "/app.js%00.png", "/%2fetc%2fpasswd.txt", "/index.html/", "/..%5cadmin%5copenapi.json");
            for (String path : refused) {
                Http.Reply r = Http.send("GET", base + path, null, null);
                assertThat(r.status()).as(path + ": " + r.body()).isIn(400, 404);
                assertThat(r.contentType()).as(path).isEqualTo("application/json");
                assertThat(r.json().has("error_code")).as(path + ": " + r.body()).isTrue();
                assertThat(r.body()).as(path).doesNotContain("\"openapi\":").doesNotContain("root:");
            }
            Http.Reply post = Http.send("POST", base + "/app.js", null, "{}");
            assertThat(post.status()).isEqualTo(405);
            assertThat(post.json().path("error_code").asText()).isEqualTo("MethodNotAllowed");
        }
    }

    /** The .js files the console's modules import, found from app.js by following the imports. */
    private static List<String> modules(TestServer server) {
        List<String> seen = new ArrayList<>(List.of("app.js"));
        for (int i = 0; i < seen.size(); i++) {
            String body = Http.send("GET", server.baseUrl() + "/console/" + seen.get(i), null, null).body();
            var m = java.util.regex.Pattern.compile("from \"\\./([a-z0-9-]+\\.js)\"").matcher(body);
            while (m.find()) {
                if (!seen.contains(m.group(1))) {
                    seen.add(m.group(1));
                }
            }
        }
        assertThat(seen).as("modules reached from app.js").hasSizeGreaterThan(5);
        return seen;
    }

    /**
     * Four guests, one guest linked to e-mail/password, one guest merged into it (a conversion by merge),
     * one guest that logged out (a user.deleted event).
     */
    private record Seed(List<String> guests, String linked) {}

    private static Seed seed(TestServer server) {
        server.enable("local-userpass", Map.of());
        List<String> guests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            guests.add(server.guestLogin().path("user_id").asText());
        }
        JsonNode toLink = server.guestLogin();
        Http.Reply registered = server.send("POST", server.provider("local-userpass", "register"), null,
                "{\"email\":\"linked@example.com\",\"password\":\"secret12\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        Http.Reply linked = server.send("POST", server.provider("local-userpass", "login?link=true"),
                toLink.path("access_token").asText(), "{\"username\":\"linked@example.com\",\"password\":\"secret12\"}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        // A guest that proves the same e-mail is refused with a merge ticket and merged into the linked user.
        JsonNode merging = server.guestLogin();
        Http.Reply refused = server.send("POST", server.provider("local-userpass", "login?link=true"),
                merging.path("access_token").asText(), "{\"username\":\"linked@example.com\",\"password\":\"secret12\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        Http.Reply merged = server.send("POST", server.client("/app/" + server.appId() + "/auth/merge"),
                merging.path("access_token").asText(), "{\"merge_ticket\":\"" + refused.json().path("merge_ticket").asText() + "\"}");
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        JsonNode leaving = server.guestLogin();
        Http.Reply logout = server.send("DELETE", server.client("/auth/session"), leaving.path("refresh_token").asText(), null);
        assertThat(logout.status()).as(logout.body()).isEqualTo(204);
        return new Seed(guests, toLink.path("user_id").asText());
    }

    /** The Access-Control-Allow-Origin a page at {@code origin} gets from the app's location route. */
    private static java.util.Optional<String> corsOrigin(TestServer server, String origin) {
        Http.Reply r = Http.sendWithHeaders("GET", server.client("/app/" + server.appId() + "/location"), Map.of("Origin", origin), null);
        assertThat(r.status()).isEqualTo(200);
        return r.raw().headers().firstValue("Access-Control-Allow-Origin");
    }

    private static JsonNode providers(TestServer server, String token, String type) {
        JsonNode list = Http.send("GET", server.baseUrl() + "/api/admin/v1/apps/" + server.appId() + "/providers", token, null).json();
        for (JsonNode p : list) {
            if (p.path("type").asText().equals(type)) {
                return p;
            }
        }
        return fail("no provider " + type + " in " + list);
    }
}
