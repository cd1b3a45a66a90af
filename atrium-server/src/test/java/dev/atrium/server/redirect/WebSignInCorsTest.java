package dev.atrium.server.redirect;

import static dev.atrium.server.redirect.WebSignInServer.PAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.server.testing.Http;
import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * realm-web starts a link with a CORS fetch in credentials mode (so the binding cookie is kept),
 * which the browser lets through only if the preflight and the answer both say
 * {@code Access-Control-Allow-Credentials: true} for the page's own origin, and lets the page read
 * {@code X-BAAS-Location} only if it is exposed. Only that start gets credentials; other
 * origins get no CORS header at all.
 */
class WebSignInCorsTest {
    static final String ORIGIN = "http://127.0.0.1:5173";
    @TempDir
    static Path dir;
    static WebSignInServer f;

    @BeforeAll
    static void start() throws Exception {
        f = WebSignInServer.start(dir);
        String admin = Files.readString(dir.resolve("admin-token")).trim();
        Http.Reply r = Http.send("PATCH", f.server.baseUrl() + "/api/admin/v1/apps/" + f.server.appId() + "/settings", admin,
                "{\"allowed_origins\": [\"" + ORIGIN + "\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static HttpHeaders preflight(String origin, String method) {
        Http.Reply r = Http.sendWithHeaders("OPTIONS", f.server.provider("oauth2-google", "login"), Map.of("Origin", origin,
                "Access-Control-Request-Method", method, "Access-Control-Request-Headers", "authorization"), null);
        assertThat(r.status()).isEqualTo(204);
        return r.raw().headers();
    }

    @Test
    void theLinkStartsPreflightAllowsCredentialsForAnAllowedOriginOnly() {
        HttpHeaders get = preflight(ORIGIN, "GET");
        assertThat(get.firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
        assertThat(get.firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(get.firstValue("Access-Control-Allow-Headers")).hasValue("authorization");

        assertThat(preflight(ORIGIN, "POST").firstValue("Access-Control-Allow-Credentials")).as("a token login sends no cookie")
                .isEmpty();
        assertThat(preflight("https://evil.example", "GET").map().keySet()).noneMatch(k -> k.startsWith("access-control-"));
    }

    @Test
    void theLinkStartsAnswerIsReadableWithCredentialsAndExposesTheProvidersUrl() {
        String token = f.server.guestLogin().get("access_token").asText();
        String url = f.server.provider("oauth2-google", "login") + "?link=true&state=abcdefghijkl&redirect=" + PAGE
                + "&providerRedirectHeader=true";

        HttpHeaders h = Http.sendWithHeaders("GET", url, Map.of("Origin", ORIGIN, "Authorization", "Bearer " + token), null).raw()
                .headers();

        assertThat(h.firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
        assertThat(h.firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(h.firstValue("Access-Control-Expose-Headers").orElseThrow()).contains("X-BAAS-Location");
        assertThat(h.firstValue("X-BAAS-Location").orElseThrow()).startsWith(f.stub.baseUrl() + "/google/auth?");

        HttpHeaders refused = Http.sendWithHeaders("GET", url.replace("state=abcdefghijkl", "state=mnopqrstuvwx"),
                Map.of("Origin", "https://evil.example", "Authorization", "Bearer " + token), null).raw().headers();
        assertThat(refused.map().keySet()).noneMatch(k -> k.startsWith("access-control-"));
    }
}
