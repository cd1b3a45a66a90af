package dev.atrium.core.auth.password;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.RequestFields;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validation of email/password request fields (docs/client-api.md, E-mail/password routes). */
final class UserpassInput {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    static final int MIN_PASSWORD = 6;
    static final int MAX_PASSWORD = 128;
    /** The longest e-mail address (RFC 5321's path limit, less the brackets). */
    static final int MAX_EMAIL = 254;
    /** The longest token or token id; Atrium's are far shorter. */
    static final int MAX_TOKEN = 512;
    /** C0 controls and DEL: never in an address or token, and PostgreSQL refuses NUL in text (a 500 before). */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1F\\x7F]");

    private UserpassInput() {}

    /** A required string field of the body: MissingParameter when absent, InvalidParameter when not a string. */
    static String field(RequestFields body, String name) {
        return body.requiredString(name);
    }

    /**
     * A required string field that reaches the store (an e-mail, a token id) or a log: control
     * characters or more than {@code max} characters are InvalidParameter. A malformed value is a
     * 400 on every route, login too: it says nothing about any account.
     */
    static String plainField(RequestFields body, String name, int max) {
        String v = field(body, name);
        if (CONTROL.matcher(v).find()) {
            throw new AuthException(ErrorCode.InvalidParameter, name + " must not contain control characters");
        }
        if (v.length() > max) {
            throw new AuthException(ErrorCode.InvalidParameter, name + " must be at most " + max + " characters");
        }
        return v;
    }

    /** The normalised email of a required field (see {@link #email(String)}). */
    static String emailField(RequestFields body, String name) {
        return email(plainField(body, name, MAX_EMAIL));
    }

    /** A required token or token id field. */
    static String tokenField(RequestFields body, String name) {
        return plainField(body, name, MAX_TOKEN);
    }

    /** The normalised email (trimmed, lower case), or InvalidParameter. */
    static String email(String raw) {
        String e = raw.trim().toLowerCase(Locale.ROOT);
        if (e.length() > MAX_EMAIL || !EMAIL.matcher(e).matches()) {
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
