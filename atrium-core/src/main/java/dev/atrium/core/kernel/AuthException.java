package dev.atrium.core.kernel;

import dev.atrium.api.ErrorCode;

/**
 * The one exception the domain throws for a refused request. It carries the wire
 * {@link ErrorCode} and the human text; the server's ErrorMapper alone turns it into a status.
 * No stack trace: these are expected outcomes on hot paths, not bugs.
 */
public class AuthException extends RuntimeException {
    private final ErrorCode code;

    public AuthException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
