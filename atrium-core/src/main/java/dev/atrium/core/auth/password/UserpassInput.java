package dev.atrium.core.auth.password;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validation of email/password request fields (spec §6). */
final class UserpassInput {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    static final int MIN_PASSWORD = 6;
    static final int MAX_PASSWORD = 128;

    private UserpassInput() {}

    /** A required string field of the body: MissingParameter when absent, InvalidParameter when not a string. */
    static String field(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            throw new AuthException(ErrorCode.MissingParameter, "missing parameter: " + name);
        }
        if (!v.isTextual()) {
            throw new AuthException(ErrorCode.InvalidParameter, name + " must be a string");
        }
        return v.asText();
    }

    /** The normalised email (trimmed, lower case), or InvalidParameter. */
    static String email(String raw) {
        String e = raw.trim().toLowerCase(Locale.ROOT);
        if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
            throw new AuthException(ErrorCode.InvalidParameter, "invalid email address");
        }
        return e;
    }

    /** The password if 6..128 characters (App Services' rule and text), else BadRequest. */
    static String password(String raw) {
        int length = raw.codePointCount(0, raw.length());
        if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
            throw new AuthException(ErrorCode.BadRequest, "password must be between 6 and 128 characters");
        }
        return raw;
    }
}
