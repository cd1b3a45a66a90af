package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.core.apps.AllowedOrigins;
import dev.atrium.core.apps.AppSettings;
import dev.atrium.server.config.AtriumConfig;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where CORS applies and where it does not: every client route answers preflights and actual
 * requests with it; the admin API, console, metrics and health never do. Limits and outages
 * (429, 503) stay readable with their {@code Retry-After}; a change made elsewhere applies within
 * cache-ttl.
 */
class CorsSurfacesTest {
    static final String ORIGIN = "https://blog.example";

    @TempDir
    static Path sharedDir;
    /** One server for the route table (its rows change nothing another row depends on). */
    static TestServer shared;
    @TempDir
    Path dir;

    @BeforeAll
    static void startShared() {
        shared = TestServer.sqlite(sharedDir);
    }

    @AfterAll
    static void stopShared() {
        shared.close();
    }

    /** Every route the Router registers under the client API, with one of its methods. */
    static final String CLIENT_ROUTES = """
            GET,    /app/{app}/location
            POST,   /app/{app}/auth/providers/anon-user/login
            POST,   /app/{app}/auth/merge
            GET,    /app/{app}/.well-known/jwks.json
            GET,    /app/{app}/.well-known/openid-configuration
            POST,   /app/{app}/auth/providers/local-userpass/register
            POST,   /app/{app}/auth/providers/local-userpass/confirm
            POST,   /app/{app}/auth/providers/local-userpass/confirm/send
            POST,   /app/{app}/auth/providers/local-userpass/confirm/call
            POST,   /app/{app}/auth/providers/local-userpass/reset/send
            POST,   /app/{app}/auth/providers/local-userpass/reset
            POST,   /app/{app}/auth/providers/local-userpass/reset/call
            GET,    /auth/profile
            POST,   /auth/session
            DELETE, /auth/session
            DELETE, /auth/delete
            GET,    /auth/api_keys
            POST,   /auth/api_keys
            GET,    /auth/api_keys/000000000000000000000001
            DELETE, /auth/api_keys/000000000000000000000001
            PUT,    /auth/api_keys/000000000000000000000001/enable
            PUT,    /auth/api_keys/000000000000000000000001/disable
            """;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(textBlock = CLIENT_ROUTES)
    void everyClientRouteAnswersPreflightsAndCarriesCorsOnItsAnswer(String method, String route) {
        String url = shared.client(route.replace("{app}", shared.appId()));

        Http.Reply preflight = Http.sendWithHeaders("OPTIONS", url, Map.of("Origin", ORIGIN,
                "Access-Control-Request-Method", method, "Access-Control-Request-Headers", "authorization, content-type"), null);
        Http.Reply answer = Http.sendWithHeaders(method, url, Map.of("Origin", ORIGIN), method.equals("GET") ? null : "{}");

        assertThat(preflight.status()).isEqualTo(204);
        HttpHeaders p = preflight.raw().headers();
        assertThat(p.firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
        assertThat(p.firstValue("Access-Control-Allow-Methods").orElseThrow().split(", ")).contains(method);
        assertThat(p.firstValue("Access-Control-Allow-Headers")).hasValue("authorization, content-type");
        if (answer.status() >= 400) {
            assertThat(answer.json().get("error_code").asText()).as("the route exists: " + answer.body())
                    .isNotIn("NotFound", "MethodNotAllowed");
        }
        assertThat(answer.raw().headers().firstValue("Access-Control-Allow-Origin")).as(answer.body()).hasValue(ORIGIN);
    }

    @Test
    void preflightGrantsOnlyTheRequestHeadersTheApiAccepts() {
        Http.Reply r = Http.sendWithHeaders("OPTIONS", shared.client("/auth/session"), Map.of("Origin", ORIGIN,
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "Authorization,X-Evil-Override, content-type ,x-request-id"), null);

        assertThat(r.raw().headers().firstValue("Access-Control-Allow-Headers"))
                .hasValue("authorization, content-type, x-request-id");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(textBlock = """
            GET,  /api/admin/v1/apps
            GET,  /api/admin/v1/openapi.json
            GET,  /console/
            GET,  /console/app.js
            GET,  /metrics
            GET,  /health/live
            GET,  /health/ready
            GET,  /nothing/here
            """)
    void sameOriginSurfacesGetNoCorsHeadersAndNoPreflightAllowances(String method, String path) throws IOException {
        try (TestServer server = TestServer.sqlite(dir)) {
            String token = Files.readString(dir.resolve("admin-token")).trim();
            String url = server.baseUrl() + path;

            Http.Reply answer = Http.sendWithHeaders(method, url, Map.of("Origin", ORIGIN, "Authorization", "Bearer " + token), null);
            Http.Reply preflight = Http.sendWithHeaders("OPTIONS", url, Map.of("Origin", ORIGIN,
                    "Access-Control-Request-Method", method, "Access-Control-Request-Headers", "authorization"), null);

            assertThat(answer.status()).as(answer.body()).isEqualTo(path.equals("/nothing/here") ? 404 : 200);
            assertNoCors(answer);
            assertThat(preflight.status()).as(preflight.body()).isGreaterThanOrEqualTo(400);
            assertNoCors(preflight);
        }
    }

    @Test
    void tooManyRequestsIsReadableWithItsRetryAfter() {
        try (TestServer server = TestServer.sqlite(dir)) {
            server.atrium.store().apps().updateSettings(server.appId(), AppSettings.DEFAULTS.withGuestLimits(1, 1, 0)
                    .withAllowedOrigins(AllowedOrigins.parse(List.of(ORIGIN))));
            String login = server.provider("anon-user", "login");
            assertThat(Http.sendWithHeaders("POST", login, Map.of("Origin", ORIGIN), "{}").status()).isEqualTo(200);

            Http.Reply limited = Http.sendWithHeaders("POST", login, Map.of("Origin", ORIGIN), "{}");

            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.json().get("error_code").asText()).isEqualTo("TooManyRequests");
            assertReadableWithRetryAfter(limited);
        }
    }

    @Test
    void storeUnavailableIsReadableWithItsRetryAfter() {
        try (TestServer server = TestServer.sqlite(dir)) {
            String login = server.provider("anon-user", "login");
            assertThat(Http.sendWithHeaders("POST", login, Map.of("Origin", ORIGIN), "{}").status()).isEqualTo(200);
            server.atrium.store().close(); // the database is gone; the app is still known from the cache

            Http.Reply down = Http.sendWithHeaders("POST", login, Map.of("Origin", ORIGIN), "{}");

            assertThat(down.status()).as(down.body()).isEqualTo(503);
            assertThat(down.json().get("error_code").asText()).isEqualTo("StoreUnavailable");
            assertReadableWithRetryAfter(down);
        }
    }

    @Test
    void originsChangedElsewhereApplyOnceTheCacheTtlHasPassed() {
        Duration ttl = Duration.ofSeconds(5);
        try (TestServer server = TestServer.sqlite(dir, c -> new AtriumConfig(c.host(), c.port(), c.publicUrl(), c.dataDir(),
                c.storeUrl(), c.storePoolSize(), c.storeConnectTimeout(), c.storeSchema(), ttl, c.hashing(), c.trustedProxies(),
                c.lifecycle()))) {
            String location = server.client("/app/" + server.appId() + "/location");
            assertThat(allowOrigin(location)).as("any origin, the default").isEqualTo(ORIGIN);

            // As `atrium apps configure` on the store (or another node) would: straight into the apps row.
            server.atrium.store().apps().updateSettings(server.appId(), AppSettings.DEFAULTS.withAllowedOrigins(AllowedOrigins.NONE));
            String withinTtl = allowOrigin(location);
            server.clock.advance(ttl.plusSeconds(1));
            String afterTtl = allowOrigin(location);

            assertThat(withinTtl).as("cached within cache-ttl").isEqualTo(ORIGIN);
            assertThat(afterTtl).as("in force after cache-ttl").isNull();
        }
    }

    private static String allowOrigin(String url) {
        Http.Reply r = Http.sendWithHeaders("GET", url, Map.of("Origin", ORIGIN), null);
        assertThat(r.status()).isEqualTo(200);
        return r.raw().headers().firstValue("Access-Control-Allow-Origin").orElse(null);
    }

    private static void assertReadableWithRetryAfter(Http.Reply r) {
        HttpHeaders h = r.raw().headers();
        assertThat(h.firstValue("Retry-After")).isPresent();
        assertThat(h.firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
        assertThat(h.firstValue("Access-Control-Expose-Headers").orElseThrow()).contains("Retry-After", "X-Request-Id");
    }

    private static void assertNoCors(Http.Reply r) {
        assertThat(r.raw().headers().map().keySet()).as("no Access-Control-* header")
                .noneMatch(k -> k.toLowerCase().startsWith("access-control-"));
        assertThat(r.raw().headers().allValues("Vary")).noneMatch(v -> v.contains("Origin"));
    }
}
