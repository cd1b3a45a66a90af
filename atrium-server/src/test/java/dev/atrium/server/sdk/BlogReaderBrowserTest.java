package dev.atrium.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.server.testing.Chromium;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.NodeTestRunner;
import dev.atrium.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blog-reader example ({@code examples/blog-reader}: static files and realm-web 2.0.1's
 * browser bundle) in headless Chromium, served from another origin than a real server on SQLite,
 * so every call the SDK makes is cross-origin and needs CORS. The scenarios (guest, reload, logout,
 * linking, a refused origin) are in {@code sdk-tests/browser/blog-reader.test.mjs}; they save a
 * screenshot of each step under {@code target/blog-reader-screenshots/}.
 *
 * <p>Needs Chromium and {@code npm ci} in {@code sdk-tests/browser} and {@code examples/blog-reader};
 * without them this test fails and says so (it never skips).
 */
@Tag("browser")
class BlogReaderBrowserTest {
    static final String PLAYWRIGHT_VERSION = "1.65.1";
    static final String REALM_WEB_VERSION = "2.0.1";
    /** A hang guard for the whole browser run (it takes seconds). */
    static final long TIMEOUT_SECONDS = 180;

    @TempDir
    Path dir;

    @Test
    void blogReaderServesGuestsAndMembersFromAnotherOriginAndIsRefusedOutsideAllowedOrigins() throws Exception {
        Path chromium = Chromium.requireInstalled();
        NodeTestRunner.requirePackage("examples/blog-reader", "realm-web", REALM_WEB_VERSION);
        NodeTestRunner node = NodeTestRunner.requireInstalled("browser", "playwright-core", PLAYWRIGHT_VERSION);
        Path screenshots = Chromium.freshScreenshotDir("blog-reader-screenshots");
        try (TestServer server = TestServer.sqlite(dir)) {
            server.enable("local-userpass", Map.of()); // confirmation automatic: register, then link at once
            String token = Files.readString(dir.resolve("admin-token")).trim();
            Map<String, String> env = Map.of(
                    "ATRIUM_BASE_URL", server.baseUrl(),
                    "ATRIUM_ADMIN_TOKEN", token,
                    "ATRIUM_APP_ID", server.appId(),
                    "ATRIUM_SCREENSHOT_DIR", screenshots.toString(),
                    "ATRIUM_CHROMIUM", chromium.toString());

            node.runPassing(server, env, TIMEOUT_SECONDS, "blog-reader.test.mjs");

            // What the readers left, seen from the server: the member (a guest that linked an
            // e-mail) and the guest of the allowed-origin visit; the two guests that logged out are
            // gone, and the refused page created nobody.
            JsonNode users = Http.send("GET", server.baseUrl() + "/api/admin/v1/apps/" + server.appId() + "/stats",
                    token, null).json().path("users");
            assertThat(users.path("linked").asInt()).as(users.toString()).isEqualTo(1);
            assertThat(users.path("anonymous").asInt()).as(users.toString()).isEqualTo(1);
            assertThat(users.path("total").asInt()).as(users.toString()).isEqualTo(2);
        }
        assertThat(Chromium.screenshots(screenshots)).as("screenshots of each step in " + screenshots)
                .isGreaterThanOrEqualTo(6);
    }
}
