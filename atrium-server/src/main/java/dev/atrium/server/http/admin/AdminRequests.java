package dev.atrium.server.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.api.ErrorCode;
import dev.atrium.core.admin.UserFilter;
import dev.atrium.core.admin.UserSearch;
import dev.atrium.core.admin.UserSort;
import dev.atrium.core.events.EventFilter;
import dev.atrium.core.kernel.AuthException;
import io.helidon.webserver.http.ServerRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/** Parsing of admin query parameters and bodies into domain values; bad values are InvalidParameter. */
final class AdminRequests {
    private AdminRequests() {}

    static String path(ServerRequest req, String name) {
        return req.path().pathParameters().get(name);
    }

    /** The user filter of the list route's query string. */
    static UserFilter filter(ServerRequest req) {
        return filter(name -> req.query().first(name).orElse(null));
    }

    /** The body's boolean {@code field}, null when absent; InvalidParameter when it is there but not true/false. */
    static Boolean optionalBoolean(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new AuthException(ErrorCode.InvalidParameter, field + " must be true or false");
        }
        return v.asBoolean();
    }

    /** The user filter of a bulk-delete body. */
    static UserFilter filter(JsonNode body) {
        return filter(name -> body.hasNonNull(name) ? body.get(name).asText() : null);
    }

    private static UserFilter filter(Function<String, String> get) {
        try {
            String search = get.apply("search");
            return new UserFilter(get.apply("kind"), bool("disabled", get.apply("disabled")), get.apply("provider"),
                    instant("inactive_since", get.apply("inactive_since")), instant("created_after", get.apply("created_after")),
                    instant("created_before", get.apply("created_before")), search == null ? null : UserSearch.parse(search));
        } catch (IllegalArgumentException e) {
            throw new AuthException(ErrorCode.InvalidParameter, e.getMessage());
        }
    }

    /** The list's {@code sort} (default {@code created}, oldest first). */
    static UserSort sort(ServerRequest req) {
        return parsed(() -> UserSort.parse(req.query().first("sort").orElse(UserSort.CREATED.wire())));
    }

    /** The events list's {@code state} and {@code type} filter. */
    static EventFilter events(ServerRequest req) {
        return parsed(() -> new EventFilter(req.query().first("state").map(EventFilter.State::parse).orElse(null),
                req.query().first("type").orElse(null)));
    }

    /** The body's string {@code field}; MissingParameter when absent or not a string. */
    static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual()) {
            throw new AuthException(ErrorCode.MissingParameter, "missing parameter: " + field + " (a string)");
        }
        return v.asText();
    }

    private static <T> T parsed(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new AuthException(ErrorCode.InvalidParameter, e.getMessage());
        }
    }

    static int integer(ServerRequest req, String name, int fallback) {
        String v = req.query().first(name).orElse(null);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new AuthException(ErrorCode.InvalidParameter, name + " must be an integer");
        }
    }

    private static Boolean bool(String name, String v) {
        if (v == null) {
            return null;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(name + " must be true or false");
        }
        return Boolean.valueOf(v);
    }

    private static Instant instant(String name, String v) {
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant, e.g. 2026-01-31T00:00:00Z");
        }
    }
}
