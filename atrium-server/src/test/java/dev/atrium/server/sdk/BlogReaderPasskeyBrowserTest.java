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
 * The blog-reader example's passkeys ({@code examples/blog-reader/passkey.js}) in headless Chromium
 * with a virtual authenticator (the DevTools protocol's WebAuthn domain), against a real server on
 * SQLite: a guest keeps its likes with a passkey, the browser's storage is cleared, the passkey
 * brings back the same user id, then the operator revokes it in the console. The steps are in
 * {@code sdk-tests/browser/passkey.test.mjs}; they save a screenshot each under
 * {@code target/blog-reader-passkey-screenshots/}. Chromium and the packages as for
 * {@link BlogReaderBrowserTest}, whose harness this reuses.
 */
@Tag("browser")
class BlogReaderPasskeyBrowserTest {
    @TempDir
    Path dir;

    @Test
    void aGuestKeepsItsIdWithAPasskeyAndGetsItBackAfterTheBrowserForgotItUntilTheOperatorRevokesIt() throws Exception {
        Path chromium = Chromium.requireInstalled();
        NodeTestRunner.requirePackage("examples/blog-reader", "realm-web", BlogReaderBrowserTest.REALM_WEB_VERSION);
        NodeTestRunner node = NodeTestRunner.requireInstalled("browser", "playwright-core", BlogReaderBrowserTest.PLAYWRIGHT_VERSION);
        Path screenshots = Chromium.freshScreenshotDir("blog-reader-passkey-screenshots");
        try (TestServer server = TestServer.sqlite(dir)) {
            String token = Files.readString(dir.resolve("admin-token")).trim();
            Map<String, String> env = Map.of(
                    "ATRIUM_BASE_URL", server.baseUrl(),
                    "ATRIUM_ADMIN_TOKEN", token,
                    "ATRIUM_APP_ID", server.appId(),
                    "ATRIUM_SCREENSHOT_DIR", screenshots.toString(),
                    "ATRIUM_CHROMIUM", chromium.toString());

            node.runPassing(server, env, BlogReaderBrowserTest.TIMEOUT_SECONDS, "passkey.test.mjs");

            // Left behind, seen from the server: the member (kept by a passkey, then revoked: still a
            // member) and the guest that tried the revoked passkey; the interim guests are gone.
            JsonNode users = Http.send("GET", server.baseUrl() + "/api/admin/v1/apps/" + server.appId() + "/stats",
                    token, null).json().path("users");
            assertThat(users.path("linked").asInt()).as(users.toString()).isEqualTo(1);
            assertThat(users.path("total").asInt()).as(users.toString()).isEqualTo(2);
            assertThat(server.count("passkey_credentials")).isZero();
        }
        assertThat(Chromium.screenshots(screenshots)).as("screenshots of each step in " + screenshots)
                .isGreaterThanOrEqualTo(7);
    }
}
