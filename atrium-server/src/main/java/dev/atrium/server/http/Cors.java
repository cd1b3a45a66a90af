package dev.atrium.server.http;

import com.nimbusds.jwt.JWTParser;
import dev.atrium.api.ApiPaths;
import dev.atrium.core.apps.AllowedOrigins;
import dev.atrium.core.apps.AppDirectory;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * CORS (Fetch standard, "CORS protocol") on the client API, so browser apps calling it with realm-web
 * from their own origin can read its answers: the one place that writes {@code Access-Control-*}
 * headers. Every other surface (admin API, console, metrics, health) is same-origin and gets none.
 *
 * <p>Whose {@link AllowedOrigins} decide: the app of an {@code /app/{appId}/…} path; on the routes
 * without one, the app of the bearer token the route authenticated with ({@link Requests#bearer}
 * records it; the answer is a success only when the route verified that token). Preflights carry no
 * token, so there they are answered for any origin: they reveal nothing, and the actual response is
 * checked. An error for which no app is known (an unknown app, a missing or unreadable token, an
 * unknown route) may be read by any origin: it says nothing a non-browser client could not learn.
 *
 * <p>A refused origin gets no CORS header at all (a refused preflight: 204 without them), so the
 * browser withholds the answer; the request itself is served as if it had no {@code Origin}, as for
 * any non-browser client. No {@code Access-Control-Allow-Credentials}: callers send bearer tokens,
 * never cookies; but for the web sign-in's start ({@code GET …/auth/providers/{provider}/login}),
 * which realm-web fetches with {@code credentials: "include"} to link, so that the cookie binding
 * the link to the browser is kept (the fetch fails without it). Atrium reads no cookie anywhere
 * else, so a page allowed there can ride on nothing. Helidon's CorsSupport is not used: it takes a fixed origin list per path, while
 * this one is per app and, on token routes, known only once the route has authenticated.
 */
final class Cors implements Filter {
    /** Every method a client route has. */
    static final String METHODS = "GET, POST, PUT, DELETE";
    /**
     * Request headers a preflight may ask for: what realm-web 2.0.1 sends ({@code Authorization},
     * {@code Content-Type}; its {@code Accept} is safelisted anyway), the other safelisted ones, and
     * {@code X-Request-Id}, which the server adopts for its logs.
     */
    static final Set<String> HEADERS = Set.of("authorization", "content-type", "accept", "accept-language",
            "content-language", "x-request-id");
    /** Response headers a page may read besides the safelisted ones. */
    static final String EXPOSED = "X-Request-Id, Retry-After, " + RedirectEndpoints.LOCATION_HEADER;
    /** How long a browser may reuse a preflight answer; Chromium caps it at two hours. */
    static final Duration MAX_AGE = Duration.ofHours(2);
    private static final String CLIENT = ApiPaths.CLIENT + "/";
    private static final String APP = ApiPaths.APP + "/";
    private static final System.Logger LOG = System.getLogger("atrium.http");

    private final AppDirectory apps;

    Cors(AppDirectory apps) {
        this.apps = apps;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (!path.startsWith(CLIENT)) {
            chain.proceed();
            return;
        }
        String origin = req.headers().first(HeaderNames.ORIGIN).orElse(null);
        if (origin != null && Method.OPTIONS.equals(req.prologue().method())
                && req.headers().contains(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD)) {
            preflight(req, res, origin, path);
            return;
        }
        // The token's app is known only once the route has run: decide just before the answer goes out.
        res.beforeSend(() -> actual(req, res, origin, path));
        chain.proceed();
    }

    private void preflight(ServerRequest req, ServerResponse res, String origin, String path) {
        res.header(HeaderNames.VARY, "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        Optional<String> app = pathApp(path);
        AllowedOrigins allowed = app.flatMap(this::originsOf).orElse(AllowedOrigins.ANY);
        if (allowed.allows(origin)) {
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, METHODS);
            String headers = allowedHeaders(req);
            if (!headers.isEmpty()) {
                res.header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, headers);
            }
            res.header(HeaderNames.ACCESS_CONTROL_MAX_AGE, String.valueOf(MAX_AGE.toSeconds()));
            if (isSignInStart(path) && req.headers().first(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD).orElse("").equals("GET")) {
                res.header(HeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
            }
        } else {
            refused(req, origin, app);
        }
        res.status(204);
        res.send();
    }

    private void actual(ServerRequest req, ServerResponse res, String origin, String path) {
        res.header(HeaderNames.VARY, "Origin"); // also without Origin: a shared cache must not serve one origin's answer to another
        if (origin == null) {
            return;
        }
        Optional<String> app = pathApp(path).or(() -> tokenApp(req));
        boolean error = res.status().code() >= 400;
        boolean allowed = app.flatMap(this::originsOf).map(a -> a.allows(origin))
                .orElse(error && AllowedOrigins.ANY.allows(origin));
        if (allowed) {
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            res.header(HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
            if (isSignInStart(path) && Method.GET.equals(req.prologue().method())) {
                res.header(HeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
            }
        } else {
            refused(req, origin, app);
        }
    }

    /** The requested headers this API accepts, as asked for; the browser refuses the request if one is missing. */
    private static String allowedHeaders(ServerRequest req) {
        List<String> allowed = new ArrayList<>();
        for (String value : req.headers().values(HeaderNames.ACCESS_CONTROL_REQUEST_HEADERS)) {
            for (String name : value.split(",")) {
                String h = name.trim().toLowerCase(Locale.ROOT);
                if (HEADERS.contains(h) && !allowed.contains(h)) {
                    allowed.add(h);
                }
            }
        }
        return String.join(", ", allowed);
    }

    /** The app's allowed origins; empty when there is no such app or the store cannot say. */
    private Optional<AllowedOrigins> originsOf(String appId) {
        try {
            return apps.find(appId).map(a -> a.settings().allowedOrigins());
        } catch (RuntimeException storeDown) {
            return Optional.empty();
        }
    }

    /** Whether {@code path} is a provider's login route, whose GET starts a web sign-in. */
    private static boolean isSignInStart(String path) {
        return path.startsWith(APP) && path.endsWith("/login") && path.contains("/auth/providers/");
    }

    /** The {@code {appId}} of an app-scoped path. */
    private static Optional<String> pathApp(String path) {
        if (!path.startsWith(APP)) {
            return Optional.empty();
        }
        int end = path.indexOf('/', APP.length());
        String id = end < 0 ? path.substring(APP.length()) : path.substring(APP.length(), end);
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    /**
     * The app ({@code aud}) of the bearer token the route read. Read without verifying: a success
     * answer means the route verified this very token; a forged one gets an error, which reveals nothing.
     */
    private static Optional<String> tokenApp(ServerRequest req) {
        return Requests.bearerUsed(req).flatMap(token -> {
            try {
                List<String> aud = JWTParser.parse(token).getJWTClaimsSet().getAudience();
                return aud.size() == 1 ? Optional.of(aud.getFirst()) : Optional.empty();
            } catch (ParseException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    private static void refused(ServerRequest req, String origin, Optional<String> app) {
        LOG.log(Level.DEBUG, () -> LogText.escape("rid=" + RequestIds.of(req) + " CORS: origin " + origin + " not allowed"
                + app.map(a -> " by app " + a).orElse("") + " on " + req.prologue().method().text() + " " + req.path().path()));
    }
}
