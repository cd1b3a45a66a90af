package dev.atrium.server.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * A server span per request (OpenTelemetry's HTTP conventions: named {@code METHOD route}, with
 * {@code http.request.method}, {@code http.route}, {@code url.path}, {@code http.response.status_code}),
 * the child of the caller's W3C {@code traceparent} when it sent one, and current while the request
 * is served, so the store calls it makes are its children. Probes and scrapes ({@code /health/*},
 * {@code /metrics}) are not traced. Installed only when tracing is on.
 */
final class RequestSpans implements Filter {
    private static final TextMapGetter<ServerRequestHeaders> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ServerRequestHeaders headers) {
            return headers.stream().map(h -> h.name()).toList();
        }

        @Override
        public String get(ServerRequestHeaders headers, String key) {
            HeaderName name = HeaderNames.create(key);
            return headers.contains(name) ? headers.get(name).get() : null;
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    RequestSpans(OpenTelemetry otel) {
        this.tracer = otel.getTracer("dev.atrium.server");
        this.propagator = otel.getPropagators().getTextMapPropagator();
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (path.startsWith("/health/") || path.equals("/metrics")) {
            chain.proceed();
            return;
        }
        String method = req.prologue().method().text();
        Context parent = propagator.extract(Context.root(), req.headers(), HEADERS);
        Span span = tracer.spanBuilder(method).setParent(parent).setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", method).setAttribute("url.path", path)
                .setAttribute("atrium.request_id", RequestIds.of(req)).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            chain.proceed();
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            throw e;
        } finally {
            String route = Routes.pattern(req);
            span.updateName(method + " " + route).setAttribute("http.route", route);
            req.path().pathParameters().first("appId").ifPresent(app -> span.setAttribute("atrium.app_id", app));
            int status = res.status().code();
            span.setAttribute("http.response.status_code", status);
            if (status >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }
    }
}
