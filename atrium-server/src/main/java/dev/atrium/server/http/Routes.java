package dev.atrium.server.http;

import io.helidon.webserver.http.ServerRequest;

/** The route a request matched, as logs, metrics and spans name it: the pattern, never the raw path. */
final class Routes {
    private Routes() {}

    /** The matched pattern; {@code unmatched} for a request no route took (the JSON 404). */
    static String pattern(ServerRequest req) {
        return req.matchingPattern().filter(p -> !p.isEmpty()).orElse("unmatched");
    }
}
