package dev.atrium.server.http;

import io.helidon.http.HeaderNames;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.HttpRouting;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics} in Prometheus text, and the request-latency histogram
 * {@code atrium_http_server_requests_seconds{method,route,status}}: route is the matched pattern
 * (bounded), never the raw path.
 */
final class MetricsEndpoints {
    private final PrometheusMeterRegistry registry;
    /** Timers by method/route/status: a registry lookup with tags per request costs more than the timing. */
    private final java.util.concurrent.ConcurrentHashMap<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    MetricsEndpoints(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    void register(HttpRouting.Builder r) {
        r.get("/metrics", (req, res) -> {
            res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
            res.send(registry.scrape().getBytes(StandardCharsets.UTF_8));
        });
    }

    /** Times every routed request. */
    Filter timing() {
        return (chain, req, res) -> {
            long start = System.nanoTime();
            try {
                chain.proceed();
            } finally {
                String method = req.prologue().method().text();
                String route = req.matchingPattern().orElse("unmatched");
                String status = String.valueOf(res.status().code());
                timers.computeIfAbsent(method + ' ' + route + ' ' + status, k -> Timer.builder("atrium.http.server.requests")
                                .tag("method", method).tag("route", route).tag("status", status)
                                .publishPercentileHistogram().register(registry))
                        .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        };
    }
}
