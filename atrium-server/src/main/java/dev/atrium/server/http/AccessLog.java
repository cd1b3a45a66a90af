package dev.atrium.server.http;

import dev.atrium.server.logs.RequestLog;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.lang.System.Logger.Level;

/**
 * Gives the log records written while a request is served its fields ({@link RequestLog}: request
 * id, app, route, status, duration), and with the access log on writes one line per request on
 * logger {@code atrium.access}: method, path (never the query), status, duration, route, app and
 * client address. Installed only when JSON logs or the access log are on, so otherwise no request
 * pays for it. Nothing of a request's headers or body is logged: no token can reach the log.
 */
final class AccessLog implements Filter {
    private static final System.Logger LOG = System.getLogger("atrium.access");
    private final boolean accessLog;
    private final ClientAddresses clients;

    AccessLog(boolean accessLog, ClientAddresses clients) {
        this.accessLog = accessLog;
        this.clients = clients;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        RequestLog log = RequestLog.begin(RequestIds.of(req), System.nanoTime());
        try {
            chain.proceed();
        } finally {
            String route = Routes.pattern(req);
            if (log.appId() == null) {
                req.path().pathParameters().first("appId").ifPresent(RequestLog::app);
            }
            log.finish(route, res.status().code(), System.nanoTime());
            if (accessLog) {
                LOG.log(Level.INFO, () -> LogText.escape(line(req, res, log)));
            }
            log.end();
        }
    }

    private String line(RoutingRequest req, RoutingResponse res, RequestLog log) {
        return "rid=" + log.requestId() + " " + req.prologue().method().text() + " " + req.path().path() + " "
                + res.status().code() + " " + String.format("%.1fms", log.durationNanos() / 1e6) + " route=" + log.route()
                + " app=" + (log.appId() == null ? "-" : log.appId()) + " client=" + client(req);
    }

    private String client(RoutingRequest req) {
        try {
            return clients.key(req);
        } catch (RuntimeException e) {
            return "-";
        }
    }
}
