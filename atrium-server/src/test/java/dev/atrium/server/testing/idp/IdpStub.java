package dev.atrium.server.testing.idp;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Apple, Google, Facebook and an app's custom function in one loopback server on a free port, for
 * tests: JWKS of test keys, ID tokens signed with them, Google's token endpoint, the Graph API's
 * {@code debug_token} and {@code /me}, and a signed-call-checking function. {@link #mode} makes
 * every one of those routes misbehave (down, garbage, oversized, 5xx, redirect). The routes under
 * {@code /test/} hand out tokens to clients that cannot sign (the realm-web tests under Node).
 */
public final class IdpStub implements AutoCloseable {
    public static final String APPLE_CLIENT_ID = "dev.atrium.stub.ios";
    public static final String GOOGLE_CLIENT_ID = "1234-web.apps.googleusercontent.com";
    public static final String GOOGLE_CLIENT_SECRET = "GOCSPX-stub-client-secret";
    public static final String FACEBOOK_APP_ID = "100000000000001";
    public static final String FACEBOOK_APP_SECRET = "facebook-stub-app-secret";
    public static final String FUNCTION_SECRET = "function-stub-secret";
    public static final String GRAPH_VERSION = "v21.0";
    /** The web flow's Apple client (also among {@link #appleSettings}' client ids), team and key. */
    public static final String APPLE_SERVICES_ID = "dev.atrium.stub.web";
    public static final String APPLE_TEAM_ID = "STUBTEAM01";
    public static final String APPLE_KEY_ID = "STUBKEY001";

    /** Who signs in at the stub's sign-in pages. */
    public record Person(String sub, String email, String name) {}

    /** How the IdP routes answer (the {@code /test/} routes always work). */
    public enum Mode { NORMAL, DOWN, ERROR, GARBAGE, HUGE, REDIRECT }

    private final HttpServer server;
    public final StubIssuer apple;
    public final StubIssuer google;
    final StubGoogleTokens googleTokens;
    final StubAppleKey appleKey;
    final StubWebSignIn web = new StubWebSignIn(this);
    volatile Person person = new Person("stub-person-1", "ann@example.com", "Ann");
    /** Whether the sign-in pages answer {@code access_denied} (the person said no). */
    volatile boolean denying;
    private final StubGraph graph = new StubGraph(FACEBOOK_APP_ID, FACEBOOK_APP_SECRET);
    private final StubFunction function = new StubFunction(FUNCTION_SECRET);
    private volatile Mode mode = Mode.NORMAL;
    /** Requests to the IdP routes, whatever the mode. */
    public final AtomicInteger hits = new AtomicInteger();

    private IdpStub(Supplier<Instant> clock) throws IOException {
        apple = new StubIssuer("https://appleid.apple.com", APPLE_CLIENT_ID, "apple-stub-key", clock);
        google = new StubIssuer("https://accounts.google.com", GOOGLE_CLIENT_ID, "google-stub-key", clock);
        googleTokens = new StubGoogleTokens(google, GOOGLE_CLIENT_SECRET);
        appleKey = new StubAppleKey(clock);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        route("/apple/auth/keys", x -> StubExchange.send(x, 200, "application/json", apple.jwks()));
        route("/google/oauth2/v3/certs", x -> StubExchange.send(x, 200, "application/json", google.jwks()));
        route("/google/token", googleTokens::exchange);
        route("/graph/", graph::serve);
        route("/function", function::serve);
        route("/google/auth", web::google);
        route("/apple/auth/authorize", web::apple);
        route("/apple/auth/token", web::appleToken);
        route("/facebook/dialog/oauth", web::facebook);
        route("/graph/" + GRAPH_VERSION + "/oauth/access_token", web::facebookToken);
        server.createContext("/test/", new StubTestRoutes(this));
        server.start();
    }

    /** A stub whose tokens are issued at {@code clock}'s time (the test server's clock). */
    public static IdpStub start(Supplier<Instant> clock) {
        try {
            return new IdpStub(clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void mode(Mode m) {
        mode = m;
    }

    /** oauth2-apple settings pointing at this stub. */
    public Map<String, Object> appleSettings() {
        return Map.of("client_ids", List.of(APPLE_CLIENT_ID, "dev.atrium.stub.web"), "jwks_url", baseUrl() + "/apple/auth/keys");
    }

    /** oauth2-google settings pointing at this stub. */
    public Map<String, Object> googleSettings() {
        return Map.of("client_id", GOOGLE_CLIENT_ID, "client_secret", GOOGLE_CLIENT_SECRET,
                "additional_client_ids", List.of("5678-android.apps.googleusercontent.com"),
                "jwks_url", baseUrl() + "/google/oauth2/v3/certs", "token_url", baseUrl() + "/google/token");
    }

    /** oauth2-facebook settings pointing at this stub. */
    public Map<String, Object> facebookSettings() {
        return Map.of("app_id", FACEBOOK_APP_ID, "app_secret", FACEBOOK_APP_SECRET, "graph_url", baseUrl() + "/graph",
                "graph_version", GRAPH_VERSION);
    }

    /** custom-function settings pointing at this stub. */
    public Map<String, Object> functionSettings() {
        return Map.of("function_url", baseUrl() + "/function", "function_secret", FUNCTION_SECRET);
    }

    /**
     * The settings of provider {@code type} pointing at this stub, set up for the web redirect flow
     * with {@code allowed} as its allowed_redirect_urls.
     */
    public Map<String, Object> webSettings(String type, List<String> allowed) {
        Map<String, Object> s = new java.util.HashMap<>(settings(type));
        s.put("allowed_redirect_urls", allowed);
        switch (type) {
            case "oauth2-google" -> s.put("auth_url", baseUrl() + "/google/auth");
            case "oauth2-facebook" -> s.put("dialog_url", baseUrl() + "/facebook/dialog/oauth");
            case "oauth2-apple" -> s.putAll(Map.of("services_id", APPLE_SERVICES_ID, "team_id", APPLE_TEAM_ID, "key_id", APPLE_KEY_ID,
                    "private_key_secret", appleKey.pem(), "auth_url", baseUrl() + "/apple/auth/authorize",
                    "token_url", baseUrl() + "/apple/auth/token"));
            default -> throw new IllegalArgumentException("the stub has no web sign-in for " + type);
        }
        return s;
    }

    /** The next sign-ins at the stub's pages are {@code who}'s. */
    public void signInAs(Person who) {
        person = who;
        denying = false;
    }

    /** The next sign-ins at the stub's pages are refused by the person ({@code access_denied}). */
    public void deny() {
        denying = true;
    }

    /** The query of every authorization request the sign-in pages received, in order. */
    public List<Map<String, String>> authorizations() {
        return web.authorizations;
    }

    /** The form of every Apple and Facebook code exchange received, in order. */
    public List<Map<String, String>> codeExchanges() {
        return web.exchanges;
    }

    /** The settings of provider {@code type} pointing at this stub. */
    public Map<String, Object> settings(String type) {
        return switch (type) {
            case "oauth2-apple" -> appleSettings();
            case "oauth2-google" -> googleSettings();
            case "oauth2-facebook" -> facebookSettings();
            case "custom-function" -> functionSettings();
            default -> throw new IllegalArgumentException("the stub plays no " + type);
        };
    }

    /** A one-time Google auth code that exchanges for an ID token of {@code claims}. */
    public String googleCode(JWTClaimsSet claims) {
        return googleTokens.code(google.sign(claims));
    }

    /** The forms of Google code exchanges received, in order. */
    public List<Map<String, String>> googleExchanges() {
        return googleTokens.forms;
    }

    /** A Facebook user access token of user {@code id} issued to {@code appId}. */
    public String facebookToken(String id, String name, String email, String appId) {
        return graph.token(new StubGraph.User(id, name, email, appId));
    }

    /** A Facebook user access token of user {@code id} for the stub's app. */
    public String facebookToken(String id, String name, String email) {
        return facebookToken(id, name, email, FACEBOOK_APP_ID);
    }

    /** Paths of the Graph API requests received, in order. */
    public List<String> graphPaths() {
        return graph.paths;
    }

    /** The custom-function calls received, in order: signature header, X-Atrium-App, body. */
    public List<JsonNode> functionBodies() {
        return function.calls.stream().map(StubFunction.Call::json).toList();
    }

    /** The X-Atrium-App headers and webhook-signature headers of the function calls received. */
    public List<String[]> functionHeaders() {
        return function.calls.stream().map(c -> new String[] {c.app(), c.signature()}).toList();
    }

    private void route(String path, HttpHandler handler) {
        server.createContext(path, x -> {
            hits.incrementAndGet();
            try {
                if (!misbehaved(x)) {
                    handler.handle(x);
                }
            } catch (IOException e) {
                x.close(); // the caller hung up (a HUGE answer cut short): nothing more to do
            }
        });
    }

    /** Answers as the mode says; false in NORMAL mode. */
    private boolean misbehaved(HttpExchange x) throws IOException {
        switch (mode) {
            case NORMAL -> {
                return false;
            }
            case DOWN -> x.close(); // no response started: the connection is closed unanswered
            case ERROR -> StubExchange.json(x, 503, Map.of("error", "backend unavailable"));
            case GARBAGE -> StubExchange.send(x, 200, "text/html", "<html><body>Sorry!</body></html>".getBytes(StandardCharsets.UTF_8));
            case REDIRECT -> {
                x.getResponseHeaders().set("Location", baseUrl() + "/elsewhere");
                StubExchange.send(x, 302, "text/plain", new byte[0]);
            }
            case HUGE -> {
                x.getResponseHeaders().set("Content-Type", "application/json");
                x.sendResponseHeaders(200, 0);
                byte[] spaces = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                try (OutputStream out = x.getResponseBody()) {
                    out.write('{');
                    for (int i = 0; i < 32; i++) { // 2 MiB, past every answer cap
                        out.write(spaces);
                    }
                    out.write('}');
                }
            }
        }
        return true;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
