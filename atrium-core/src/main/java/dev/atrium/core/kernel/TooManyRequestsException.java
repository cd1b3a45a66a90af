package dev.atrium.core.kernel;

import dev.atrium.api.ErrorCode;
import java.time.Duration;

/** An admission limit or throttle refused the request; {@link #retryAfter()} becomes the {@code Retry-After} header. */
public class TooManyRequestsException extends RetryLaterException {
    public TooManyRequestsException(String message, Duration retryAfter) {
        super(ErrorCode.TooManyRequests, message, retryAfter);
    }
}
