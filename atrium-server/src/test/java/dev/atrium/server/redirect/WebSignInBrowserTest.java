package dev.atrium.server.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.server.testing.Chromium;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.NodeTestRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * realm-web 2.0.1's web redirect flow in headless Chromium: a page on its own origin signs in with
 * Google, Apple and Facebook through popups that go to the identity-provider stub's sign-in pages
 * and back through Atrium's callback, a guest links Google and Apple keeping its id, a person who
 * says no comes back with an error, and a redirect page that is not allowed is refused in the
 * popup. The scenarios are {@code sdk-tests/browser/web-sign-in.test.mjs}; screenshots go to
 * {@code target/web-sign-in-screenshots/}.
 *
 * <p>Needs Chromium and {@code npm ci} in {@code sdk-tests/browser} and {@code examples/blog-reader}
 * (whose realm-web bundle the page loads); without them this test fails and says so (it never skips).
 */
@Tag("browser")
class WebSignInBrowserTest {
    static final String PLAYWRIGHT_VERSION = "1.65.1";
    static final String REALM_WEB_VERSION = "2.0.1";
    static final long TIMEOUT_SECONDS = 180;

    @TempDir
    Path dir;

    @Test
    void realmWebSignsInAndLinksThroughTheProvidersPagesFromAnotherOrigin() throws Exception {
        Path chromium = Chromium.requireInstalled();
        NodeTestRunner.requirePackage("examples/blog-reader", "realm-web", REALM_WEB_VERSION);
        NodeTestRunner node = NodeTestRunner.requireInstalled("browser", "playwright-core", PLAYWRIGHT_VERSION);
        Path screenshots = Chromium.freshScreenshotDir("web-sign-in-screenshots");
        try (WebSignInServer f = WebSignInServer.start(dir)) {
            String token = Files.readString(dir.resolve("admin-token")).trim();
            Map<String, String> env = Map.of(
                    "ATRIUM_BASE_URL", f.server.baseUrl(),
                    "ATRIUM_ADMIN_TOKEN", token,
                    "ATRIUM_APP_ID", f.server.appId(),
                    "ATRIUM_IDP_STUB", f.stub.baseUrl(),
                    "ATRIUM_SCREENSHOT_DIR", screenshots.toString(),
                    "ATRIUM_CHROMIUM", chromium.toString());

            node.runPassing(f.server, env, TIMEOUT_SECONDS, "web-sign-in.test.mjs");

            // Seen from the server: the three people who signed in, and the two guests that linked
            // (kept at logout); the guests' logouts deleted nobody else, the refusals created nobody.
            JsonNode users = Http.send("GET", f.server.baseUrl() + "/api/admin/v1/apps/" + f.server.appId() + "/stats", token, null)
                    .json().path("users");
            assertThat(users.path("total").asInt()).as(users.toString()).isEqualTo(5);
            assertThat(users.path("anonymous").asInt()).as(users.toString()).isZero();
            assertThat(f.server.count("redirect_states")).as("every sign-in that came back was taken; the refused one never stored")
                    .isZero();
        }
        assertThat(Chromium.screenshots(screenshots)).as("screenshots in " + screenshots).isGreaterThanOrEqualTo(6);
    }
}
