package dev.atrium.client;

import dev.atrium.api.ErrorCode;
import java.time.Duration;
import java.util.Optional;

/**
 * The server refused a request (any non-2xx answer). {@link #errorCode()} is the body's
 * {@code error_code} read with {@link ErrorCode#fromWire}: unknown names and bodies without a code
 * become {@link ErrorCode#AppUnknownError}, as in realm-core (docs/client-api.md, Errors); the original string stays
 * available in {@link #wireErrorCode()}. A 401 is the only status with behaviour attached (docs/client-api.md, Tokens).
 */
public final class ServiceException extends AtriumException {
    private final int httpStatus;
    private final ErrorCode errorCode;
    private final String wireErrorCode;
    private final String serverMessage;
    private final String link;
    private final Duration retryAfter;

    ServiceException(int httpStatus, String wireErrorCode, String serverMessage, String link, Duration retryAfter) {
        super(serverMessage + " (error_code " + (wireErrorCode == null ? "none" : wireErrorCode)
                + ", HTTP " + httpStatus + ")", null);
        this.httpStatus = httpStatus;
        this.errorCode = ErrorCode.fromWire(wireErrorCode);
        this.wireErrorCode = wireErrorCode;
        this.serverMessage = serverMessage;
        this.link = link;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status of the answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The {@code error_code}, or {@link ErrorCode#AppUnknownError} when absent or unknown. */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The {@code error_code} exactly as sent; null when the answer had no JSON error body. */
    public String wireErrorCode() {
        return wireErrorCode;
    }

    /** The body's {@code error} text, or {@code "HTTP <status>"} when there was none. */
    public String serverMessage() {
        return serverMessage;
    }

    /** The body's {@code link} (Atrium: carries the request id to look up in the server's log). */
    public Optional<String> link() {
        return Optional.ofNullable(link);
    }

    /** The {@code Retry-After} header in seconds, when present (429 and 503 answers). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
