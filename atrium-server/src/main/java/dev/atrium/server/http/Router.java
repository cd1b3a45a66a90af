package dev.atrium.server.http;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.auth.AccountService;
import dev.atrium.core.auth.AuthService;
import dev.atrium.core.auth.SessionGate;
import dev.atrium.core.auth.apikey.ApiKeyService;
import dev.atrium.core.auth.passkey.PasskeyService;
import dev.atrium.core.auth.password.UserpassService;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.merge.MergeService;
import dev.atrium.core.redirect.RedirectLogin;
import dev.atrium.core.store.AtriumStore;
import dev.atrium.core.tokens.KeyRing;
import dev.atrium.core.tokens.TokenService;
import dev.atrium.server.http.admin.AdminRouter;
import dev.atrium.server.http.admin.AdminServices;
import io.helidon.webserver.http.HttpRouting;
import java.util.List;
import java.util.function.Supplier;

/**
 * The routing table of every surface: request ids, timing and CORS first, then the routes, then a 405 for known
 * paths with another method and a JSON 404 for the rest, and one error handler, ErrorMapper.
 */
public final class Router {
    private Router() {}

    /** The services the routes call. */
    public record Services(AuthService auth, AccountService accounts, SessionGate gate, UserpassService userpass,
                           ApiKeyService apiKeys, PasskeyService passkeys,
                           AppDirectory apps, TokenService tokens, KeyRing keys, AtriumStore store,
                           Supplier<String> publicUrl, ClientAddresses clients, AdminServices admin,
                           io.micrometer.prometheusmetrics.PrometheusMeterRegistry metrics,
                           dev.atrium.server.config.MetricsAccess metricsAccess, RedirectLogin redirects,
                           MergeService merges) {}

    public static HttpRouting.Builder build(Services s) {
        return build(s, WebOptions.plain());
    }

    /** The public listener's routing; with {@code w.managementApart()} without metrics and probes. */
    public static HttpRouting.Builder build(Services s, WebOptions w) {
        HttpRouting.Builder r = HttpRouting.builder();
        r.addFilter(new RequestIds(w.state()));
        if (w.requestLog() || w.accessLog()) {
            r.addFilter(new AccessLog(w.accessLog(), s.clients()));
        }
        if (w.tracing() != null) {
            r.addFilter(new RequestSpans(w.tracing()));
        }
        MetricsEndpoints metrics = new MetricsEndpoints(s.metrics(), s.metricsAccess(), s.admin().tokens());
        r.addFilter(metrics.timing());
        r.addFilter(new Cors(s.apps()));
        if (!w.managementApart()) {
            metrics.register(r);
            new HealthEndpoints(s.store(), w.state()).register(r);
        }
        Callers callers = new Callers(s.gate());
        new LoginEndpoints(s.auth(), s.merges(), s.apps(), s.publicUrl(), s.clients(), callers).register(r);
        new RedirectEndpoints(s.redirects(), s.publicUrl(), s.clients(), callers).register(r);
        new SessionEndpoints(s.accounts(), callers).register(r);
        new UserpassEndpoints(s.userpass(), s.clients()).register(r);
        new ApiKeyEndpoints(s.apiKeys(), callers).register(r);
        new PasskeyEndpoints(s.passkeys(), s.clients(), callers).register(r);
        new WellKnownEndpoints(s.apps(), s.keys(), s.tokens()).register(r);
        AdminRouter.register(r, s.admin());
        List<String> known = new java.util.ArrayList<>(List.of(LoginEndpoints.LOCATION, LoginEndpoints.LOGIN, LoginEndpoints.MERGE,
                SessionEndpoints.PROFILE, SessionEndpoints.SESSION, SessionEndpoints.DELETE, WellKnownEndpoints.JWKS,
                WellKnownEndpoints.DISCOVERY, RedirectEndpoints.CALLBACK));
        known.addAll(UserpassEndpoints.PATHS);
        known.addAll(ApiKeyEndpoints.PATHS);
        known.addAll(PasskeyEndpoints.PATHS);
        for (String path : known) {
            r.any(path, (req, res) -> {
                throw new AuthException(ErrorCode.MethodNotAllowed,
                        "method " + req.prologue().method().text() + " is not allowed on this route");
            });
        }
        new ConsoleEndpoints().register(r);
        r.any((req, res) -> {
            throw new AuthException(ErrorCode.NotFound, "no route for " + req.path().path());
        });
        r.error(Throwable.class, ErrorMapper::write);
        return r;
    }

    /**
     * The management listener's routing ({@code management-port}): {@code /metrics} and
     * {@code /health/*} only, answered as on the public port; anything else is a JSON 404.
     */
    public static HttpRouting.Builder management(Services s, WebOptions w) {
        HttpRouting.Builder r = HttpRouting.builder();
        r.addFilter(new RequestIds(w.state()));
        new MetricsEndpoints(s.metrics(), s.metricsAccess(), s.admin().tokens()).register(r);
        new HealthEndpoints(s.store(), w.state()).register(r);
        r.any((req, res) -> {
            throw new AuthException(ErrorCode.NotFound, "no route for " + req.path().path() + " on the management port");
        });
        r.error(Throwable.class, ErrorMapper::write);
        return r;
    }
}
