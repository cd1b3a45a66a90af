package dev.atrium.core.kernel;

import dev.atrium.api.ErrorCode;
import java.time.Duration;

/**
 * A refusal the caller may retry unchanged later: a limit was reached or the server is at capacity.
 * {@link #retryAfter()} becomes the {@code Retry-After} header; nothing was changed.
 */
public class RetryLaterException extends AuthException {
    private final Duration retryAfter;

    public RetryLaterException(ErrorCode code, String message, Duration retryAfter) {
        super(code, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
