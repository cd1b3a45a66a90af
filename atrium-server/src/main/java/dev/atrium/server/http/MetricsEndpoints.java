package dev.atrium.server.http;

import dev.atrium.core.admin.AdminTokens;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.server.config.MetricsAccess;
import dev.atrium.server.metrics.Help;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.HttpRouting;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics} in Prometheus text, and the request-latency histogram
 * {@code atrium_http_server_requests_seconds{method,route,status}}: route is the matched pattern
 * (bounded), never the raw path. With {@code metrics-access=admin-token}, {@code /metrics} needs
 * an admin token.
 */
final class MetricsEndpoints {
    private final PrometheusMeterRegistry registry;
    /** Timers by method/route/status: a registry lookup with tags per request costs more than the timing. */
    private final java.util.concurrent.ConcurrentHashMap<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    private final MetricsAccess access;
    private final AdminTokens adminTokens;

    MetricsEndpoints(PrometheusMeterRegistry registry, MetricsAccess access, AdminTokens adminTokens) {
        this.registry = registry;
        this.access = access;
        this.adminTokens = adminTokens;
    }

    void register(HttpRouting.Builder r) {
        r.get("/metrics", (req, res) -> {
            if (access == MetricsAccess.ADMIN_TOKEN) {
                adminTokens.verify(bearerOrNull(req)); // AdminUnauthorized, as on the admin API
            }
            res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
            res.send(registry.scrape().getBytes(StandardCharsets.UTF_8));
        });
    }

    private static String bearerOrNull(ServerRequest req) {
        try {
            return Requests.bearer(req);
        } catch (AuthException e) {
            return null;
        }
    }

    /** Times every routed request. */
    Filter timing() {
        return (chain, req, res) -> {
            long start = System.nanoTime();
            try {
                chain.proceed();
            } finally {
                String method = req.prologue().method().text();
                String route = Routes.pattern(req);
                String status = String.valueOf(res.status().code());
                timers.computeIfAbsent(method + ' ' + route + ' ' + status, k -> Timer.builder(Help.HTTP_REQUESTS.meterName()).description(Help.HTTP_REQUESTS.help())
                                .tag("method", method).tag("route", route).tag("status", status)
                                .publishPercentileHistogram().register(registry))
                        .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        };
    }
}
