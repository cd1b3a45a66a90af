package dev.atrium.core.kernel;

import dev.atrium.api.ErrorCode;
import java.time.Duration;

/** An admission limit refused the request; {@link #retryAfter()} becomes the {@code Retry-After} header. */
public final class TooManyRequestsException extends AuthException {
    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(ErrorCode.TooManyRequests, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
