package dev.atrium.server.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id (a sane incoming {@code X-Request-Id}, else a new one), returns it
 * in {@code X-Request-Id}, and puts it in error bodies' {@code link} and in log lines, so an SDK
 * error report leads to the server's log line.
 */
final class RequestIds implements Filter {
    private static final HeaderName X_REQUEST_ID = HeaderNames.create("X-Request-Id");
    private static final String KEY = "atrium.request-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private final ServingState state;

    /** Also counts the requests in flight for {@code state}, and closes connections while it drains. */
    RequestIds(ServingState state) {
        this.state = state;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String id = req.headers().first(X_REQUEST_ID)
                .filter(s -> SANE.matcher(s).matches())
                .orElseGet(() -> Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
        req.context().register(KEY, id);
        res.header(X_REQUEST_ID, id);
        if (state.draining()) {
            res.header(HeaderValues.CONNECTION_CLOSE);
        }
        state.started();
        try {
            chain.proceed();
        } finally {
            state.finished();
        }
    }

    /** The id of {@code req}, or "-" outside a filtered request. */
    static String of(ServerRequest req) {
        return req.context().get(KEY, String.class).orElse("-");
    }

    /** The error body's {@code link}: a reference an operator can grep the log for. */
    static String link(String id) {
        return "urn:atrium:request:" + id;
    }
}
