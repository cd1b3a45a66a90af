package dev.atrium.core.kernel;

import dev.atrium.api.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of a request's JSON object as plain Java values, so the domain reads request bodies
 * without a JSON library: the HTTP edge parses the body and hands over this view of it. Providers
 * read their credentials from it into typed records; the e-mail/password routes read their fields.
 */
public interface RequestFields {

    /**
     * The value of {@code name}: a {@code String}, {@code Boolean}, {@code Number}, {@code List} or
     * {@code Map} of such values, or null when the field is absent or JSON {@code null}.
     */
    Object value(String name);

    /** Every field, in the body's order, for credentials that are a whole document. */
    Map<String, Object> all();

    /**
     * A required string: MissingParameter "missing parameter: {@code name}" when absent or null,
     * InvalidParameter "{@code name} must be a string" when another type.
     */
    default String requiredString(String name) {
        Object v = value(name);
        if (v == null) {
            throw new AuthException(ErrorCode.MissingParameter, "missing parameter: " + name);
        }
        if (!(v instanceof String s)) {
            throw new AuthException(ErrorCode.InvalidParameter, name + " must be a string");
        }
        return s;
    }

    /** A string that must be there and non-empty: MissingParameter "missing parameter: {@code name}" otherwise. */
    default String nonEmptyString(String name) {
        if (value(name) instanceof String s && !s.isEmpty()) {
            return s;
        }
        throw new AuthException(ErrorCode.MissingParameter, "missing parameter: " + name);
    }

    /** The fields of {@code map} (tests, in-process callers); its values follow {@link #value}'s types. */
    static RequestFields of(Map<String, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        return new RequestFields() {
            @Override
            public Object value(String name) {
                return copy.get(name);
            }

            @Override
            public Map<String, Object> all() {
                return java.util.Collections.unmodifiableMap(copy);
            }
        };
    }

    /** A body with no fields. */
    static RequestFields empty() {
        return of(Map.of());
    }
}
