package dev.atrium.client;

import java.time.Duration;
import java.util.Optional;

/**
 * The server is limiting this client (HTTP 429, {@code TooManyRequests}): nothing was done. Wait
 * {@link #retryAfter()} (the {@code Retry-After} header) before trying again; the SDK never
 * retries by itself.
 */
public final class TooManyRequestsException extends ServiceException {

    TooManyRequestsException(int httpStatus, String wireErrorCode, String serverMessage, String link, Duration retryAfter) {
        super(httpStatus, wireErrorCode, serverMessage, link, retryAfter);
    }

    /** How long to wait, from {@code Retry-After}; empty when the server did not say. */
    @Override
    public Optional<Duration> retryAfter() {
        return super.retryAfter();
    }
}
