package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CORS on the client API, as a table: preflights and actual answers (successes and errors) on
 * app-scoped and token routes, for apps allowing any origin (the default), a list with a wildcard,
 * and none. An allowed origin is echoed with {@code Vary: Origin} and the exposed headers; a refused
 * one gets no {@code Access-Control-*} header at all while the request is still served.
 */
class CorsTest {
    static final String BLOG = "https://blog.example";
    static final String DEV = "http://127.0.0.1:5173";
    static final List<String> BLOG_ORIGINS = List.of(BLOG, "https://*.example.com", DEV);

    @TempDir
    static Path dir;
    static TestServer server;
    static String adminToken;
    /** The first app: any origin, the default. */
    static String anyApp;
    /** Allows {@link #BLOG_ORIGINS}. */
    static String blogApp;
    /** {@code []}: no browser origin. */
    static String closedApp;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.sqlite(dir);
        adminToken = Files.readString(dir.resolve("admin-token")).trim();
        anyApp = server.appId();
        blogApp = appWithOrigins("Blog", BLOG_ORIGINS);
        closedApp = appWithOrigins("Closed", List.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A new app whose allowed origins are set through the admin API. */
    static String appWithOrigins(String name, List<String> origins) {
        String id = admin("POST", "/apps", "{\"name\":\"" + name + "\"}").json().get("id").asText();
        Http.Reply patched = admin("PATCH", "/apps/" + id + "/settings", "{\"allowed_origins\":" + json(origins) + "}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        return id;
    }

    static Http.Reply admin(String method, String path, String body) {
        return Http.send(method, server.baseUrl() + "/api/admin/v1" + path, adminToken, body);
    }

    static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").toList().toString().replace(" ", "");
    }

    /** What the browser would see of the answer. */
    enum Cors { ALLOWED, REFUSED }

    /** One row: a request (built once the server runs; may log guests in first), its status, and whether the origin may read it. */
    record Scenario(String name, Function<TestServer, Req> request, int status, Cors cors) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A request with its Origin; {@code preflight} non-null makes it an OPTIONS preflight asking for that method. */
    record Req(String method, String path, String origin, String preflight, Map<String, String> headers, String body) {
        static Req get(String path, String origin) {
            return new Req("GET", path, origin, null, Map.of(), null);
        }

        static Req preflight(String path, String origin, String method, String requestHeaders) {
            return new Req("OPTIONS", path, origin, method, requestHeaders == null ? Map.of()
                    : Map.of("Access-Control-Request-Headers", requestHeaders), null);
        }

        static Req send(String method, String path, String origin, String bearer, String body) {
            return new Req(method, path, origin, null, bearer == null ? Map.of() : Map.of("Authorization", "Bearer " + bearer), body);
        }

        Http.Reply call() {
            Map<String, String> all = new LinkedHashMap<>(headers);
            if (origin != null) {
                all.put("Origin", origin);
            }
            if (preflight != null) {
                all.put("Access-Control-Request-Method", preflight);
            }
            return Http.sendWithHeaders(method, server.client(path), all, body);
        }
    }

    static String app(String appId, String suffix) {
        return "/app/" + appId + suffix;
    }

    static String login(String appId) {
        return app(appId, "/auth/providers/anon-user/login");
    }

    static JsonNode guest(String appId) {
        return Http.guestLogin(server.baseUrl(), appId);
    }

    static String access(String appId) {
        return guest(appId).get("access_token").asText();
    }

    static String refresh(String appId) {
        return guest(appId).get("refresh_token").asText();
    }

    static Stream<Scenario> preflights() {
        return Stream.of(
                new Scenario("preflight: any-origin app allows any origin", s -> Req.preflight(app(anyApp, "/location"),
                        "https://anywhere.example", "GET", null), 204, Cors.ALLOWED),
                new Scenario("preflight: any-origin app allows the null origin", s -> Req.preflight(login(anyApp), "null", "POST",
                        "content-type"), 204, Cors.ALLOWED),
                new Scenario("preflight: listed exact origin", s -> Req.preflight(login(blogApp), BLOG, "POST", "content-type"),
                        204, Cors.ALLOWED),
                new Scenario("preflight: listed origin written differently (case, default port)", s -> Req.preflight(
                        login(blogApp), "HTTPS://Blog.Example:443", "POST", "content-type"), 204, Cors.ALLOWED),
                new Scenario("preflight: listed origin with a port", s -> Req.preflight(login(blogApp), DEV, "POST", "content-type"),
                        204, Cors.ALLOWED),
                new Scenario("preflight: wildcard matches a subdomain", s -> Req.preflight(login(blogApp), "https://a.example.com",
                        "POST", "content-type"), 204, Cors.ALLOWED),
                new Scenario("preflight: wildcard matches a deeper subdomain", s -> Req.preflight(login(blogApp),
                        "https://a.b.example.com", "POST", "content-type"), 204, Cors.ALLOWED),
                new Scenario("preflight: wildcard does not match the bare domain", s -> Req.preflight(login(blogApp),
                        "https://example.com", "POST", "content-type"), 204, Cors.REFUSED),
                new Scenario("preflight: wildcard does not match a look-alike domain", s -> Req.preflight(login(blogApp),
                        "https://evil-example.com", "POST", "content-type"), 204, Cors.REFUSED),
                new Scenario("preflight: listed host with another scheme", s -> Req.preflight(login(blogApp), "http://blog.example",
                        "POST", "content-type"), 204, Cors.REFUSED),
                new Scenario("preflight: listed host with another port", s -> Req.preflight(login(blogApp), "http://127.0.0.1:5174",
                        "POST", "content-type"), 204, Cors.REFUSED),
                new Scenario("preflight: null origin refused by a list", s -> Req.preflight(login(blogApp), "null", "POST",
                        "content-type"), 204, Cors.REFUSED),
                new Scenario("preflight: app allowing no origin", s -> Req.preflight(app(closedApp, "/location"), BLOG, "GET", null),
                        204, Cors.REFUSED),
                new Scenario("preflight: unknown app (its answer is an error)", s -> Req.preflight(app("no-such-app", "/location"),
                        BLOG, "GET", null), 204, Cors.ALLOWED),
                new Scenario("preflight: token route, no app known yet", s -> Req.preflight("/auth/session", "https://anywhere.example",
                        "POST", "authorization"), 204, Cors.ALLOWED),
                new Scenario("preflight: token route, null origin", s -> Req.preflight("/auth/profile", "null", "GET",
                        "authorization"), 204, Cors.ALLOWED));
    }

    static Stream<Scenario> answers() {
        String big = "{\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";
        return Stream.of(
                new Scenario("location: any-origin app", s -> Req.get(app(anyApp, "/location"), "https://anywhere.example"),
                        200, Cors.ALLOWED),
                new Scenario("location: listed origin", s -> Req.get(app(blogApp, "/location"), BLOG), 200, Cors.ALLOWED),
                new Scenario("location: wildcard subdomain", s -> Req.get(app(blogApp, "/location"), "https://shop.example.com"),
                        200, Cors.ALLOWED),
                new Scenario("location: unlisted origin still served, unreadable", s -> Req.get(app(blogApp, "/location"),
                        "https://evil-example.com"), 200, Cors.REFUSED),
                new Scenario("jwks: app allowing no origin", s -> Req.get(app(closedApp, "/.well-known/jwks.json"), BLOG),
                        200, Cors.REFUSED),
                new Scenario("discovery: listed origin", s -> Req.get(app(blogApp, "/.well-known/openid-configuration"), DEV),
                        200, Cors.ALLOWED),
                new Scenario("guest login: listed origin", s -> Req.send("POST", login(blogApp), BLOG, null, "{}"), 200, Cors.ALLOWED),
                new Scenario("guest login: null origin, any-origin app", s -> Req.send("POST", login(anyApp), "null", null, "{}"),
                        200, Cors.ALLOWED),
                new Scenario("guest login: null origin, listing app", s -> Req.send("POST", login(blogApp), "null", null, "{}"),
                        200, Cors.REFUSED),
                new Scenario("profile: token of a listing app, listed origin", s -> Req.send("GET", "/auth/profile", BLOG,
                        access(blogApp), null), 200, Cors.ALLOWED),
                new Scenario("profile: token of a listing app, unlisted origin", s -> Req.send("GET", "/auth/profile",
                        "https://evil-example.com", access(blogApp), null), 200, Cors.REFUSED),
                new Scenario("refresh: token of an any-origin app", s -> Req.send("POST", "/auth/session", "https://anywhere.example",
                        refresh(anyApp), null), 201, Cors.ALLOWED),
                new Scenario("refresh: token of an app allowing no origin", s -> Req.send("POST", "/auth/session", BLOG,
                        refresh(closedApp), null), 201, Cors.REFUSED),
                new Scenario("logout: token of a listing app, wildcard origin", s -> Req.send("DELETE", "/auth/session",
                        "https://a.example.com", refresh(blogApp), null), 204, Cors.ALLOWED),
                new Scenario("api keys: token of a listing app, listed origin", s -> Req.send("GET", "/auth/api_keys", DEV,
                        refresh(blogApp), null), 200, Cors.ALLOWED),
                new Scenario("delete self: token of an app allowing no origin", s -> Req.send("DELETE", "/auth/delete", BLOG,
                        access(closedApp), null), 204, Cors.REFUSED),
                // Errors: readable where the app allows the origin, and where no app is known (they reveal nothing).
                new Scenario("401 no token", s -> Req.send("GET", "/auth/profile", BLOG, null, null), 401, Cors.ALLOWED),
                new Scenario("401 unreadable token", s -> Req.send("POST", "/auth/session", BLOG, "not.a.jwt", null),
                        401, Cors.ALLOWED),
                new Scenario("401 gone user, listing app, listed origin", s -> {
                    String at = access(blogApp);
                    Http.send("DELETE", s.client("/auth/delete"), at, null);
                    return Req.send("GET", "/auth/profile", BLOG, at, null);
                }, 401, Cors.ALLOWED),
                new Scenario("401 gone user, app allowing no origin", s -> {
                    String at = access(closedApp);
                    Http.send("DELETE", s.client("/auth/delete"), at, null);
                    return Req.send("GET", "/auth/profile", BLOG, at, null);
                }, 401, Cors.REFUSED),
                new Scenario("404 unknown app", s -> Req.get(app("no-such-app", "/location"), BLOG), 404, Cors.ALLOWED),
                new Scenario("404 unknown provider, listed origin", s -> Req.send("POST",
                        app(blogApp, "/auth/providers/oauth2-myspace/login"), BLOG, null, "{}"), 404, Cors.ALLOWED),
                new Scenario("404 unknown provider, unlisted origin", s -> Req.send("POST",
                        app(blogApp, "/auth/providers/oauth2-myspace/login"), "https://evil-example.com", null, "{}"),
                        404, Cors.REFUSED),
                new Scenario("404 unknown client route", s -> Req.get("/nothing/here", BLOG), 404, Cors.ALLOWED),
                new Scenario("405 wrong method", s -> Req.send("PUT", "/auth/session", BLOG, null, null), 405, Cors.ALLOWED),
                new Scenario("409 link refused, listed origin", s -> Req.send("POST", login(blogApp) + "?link=true", BLOG,
                        access(blogApp), "{}"), 409, Cors.ALLOWED),
                new Scenario("413 body too large, any-origin app", s -> Req.send("POST", login(anyApp), "https://anywhere.example",
                        null, big), 413, Cors.ALLOWED),
                new Scenario("400 malformed body, app allowing no origin", s -> Req.send("POST", login(closedApp), BLOG, null, "{"),
                        400, Cors.REFUSED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("preflights")
    void preflightIsAnsweredWithAllowancesOnlyForAnAllowedOrigin(Scenario scenario) {
        Req req = scenario.request().apply(server);

        Http.Reply reply = req.call();

        assertThat(reply.status()).as(reply.body()).isEqualTo(scenario.status());
        HttpHeaders h = reply.raw().headers();
        assertThat(h.allValues("Vary")).as("Vary").contains("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        if (scenario.cors() == Cors.ALLOWED) {
            assertThat(h.firstValue("Access-Control-Allow-Origin")).hasValue(req.origin());
            assertThat(h.firstValue("Access-Control-Allow-Methods").orElseThrow().split(", ")).contains(req.preflight());
            assertThat(h.firstValue("Access-Control-Max-Age")).hasValue("7200");
            String asked = req.headers().get("Access-Control-Request-Headers");
            assertThat(h.firstValue("Access-Control-Allow-Headers")).isEqualTo(java.util.Optional.ofNullable(asked));
            assertThat(h.map()).doesNotContainKey("access-control-allow-credentials");
        } else {
            assertNoCorsHeaders(h);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void answerIsServedAndReadableOnlyByAnAllowedOrigin(Scenario scenario) {
        Req req = scenario.request().apply(server);

        Http.Reply reply = req.call();

        assertThat(reply.status()).as(reply.body()).isEqualTo(scenario.status());
        if (reply.status() >= 400) {
            assertThat(reply.contentType()).isEqualTo("application/json");
            assertThat(reply.json().has("error_code")).as(reply.body()).isTrue();
        }
        HttpHeaders h = reply.raw().headers();
        assertThat(h.allValues("Vary")).as("Vary").contains("Origin");
        if (scenario.cors() == Cors.ALLOWED) {
            assertThat(h.allValues("Access-Control-Allow-Origin")).containsExactly(req.origin());
            assertThat(h.firstValue("Access-Control-Expose-Headers")).hasValue("X-Request-Id, Retry-After, X-BAAS-Location");
            assertThat(h.map()).doesNotContainKey("access-control-allow-credentials");
        } else {
            assertNoCorsHeaders(h);
        }
    }

    static void assertNoCorsHeaders(HttpHeaders h) {
        assertThat(h.map().keySet()).as("no Access-Control-* header").noneMatch(k -> k.toLowerCase().startsWith("access-control-"));
    }
}
