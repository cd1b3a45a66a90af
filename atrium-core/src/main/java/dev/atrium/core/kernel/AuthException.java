package dev.atrium.core.kernel;

import dev.atrium.api.ErrorCode;

/**
 * The one exception the domain throws for a refused request. It carries the wire
 * {@link ErrorCode}, the human text the caller gets, and optionally a {@link #detail()} for the
 * operator's log only (an upstream's error, a URL, a configuration problem: never sent to a
 * caller). The server's ErrorMapper alone turns it into a status.
 * No stack trace: these are expected outcomes on hot paths, not bugs.
 */
public class AuthException extends RuntimeException {
    private final ErrorCode code;
    private final String detail;

    public AuthException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public AuthException(ErrorCode code, String message, String detail) {
        super(message, null, false, false);
        this.code = code;
        this.detail = detail;
    }

    public ErrorCode code() {
        return code;
    }

    /** What only the log may see (null when the message says it all). */
    public String detail() {
        return detail;
    }
}
