package dev.atrium.server.http;

import io.opentelemetry.api.OpenTelemetry;

/**
 * How the web layer runs besides its routes.
 *
 * @param managementApart {@code /metrics} and {@code /health/*} are on the management listener
 *     ({@link Router#management}), not the public one
 * @param requestLog log records carry the request's fields (JSON logs, the access log)
 * @param accessLog one log line per request
 * @param tracing request spans; null when tracing is off
 * @param state draining and requests in flight, shared by the listeners
 */
public record WebOptions(boolean managementApart, boolean requestLog, boolean accessLog, OpenTelemetry tracing,
                         ServingState state) {
    /** Everything on one listener, no request log, no tracing. */
    public static WebOptions plain() {
        return new WebOptions(false, false, false, null, new ServingState());
    }
}
