package dev.atrium.client;

import dev.atrium.api.ErrorCode;
import java.time.Duration;
import java.util.Optional;

/**
 * The server refused a request (any non-2xx answer). {@link #errorCode()} is the body's
 * {@code error_code} read with {@link ErrorCode#fromWire}: unknown names and bodies without a code
 * become {@link ErrorCode#AppUnknownError}, as in realm-core; the original string stays available
 * in {@link #wireErrorCode()}. A 401 is the only status with behaviour attached (refresh once).
 *
 * <p>The common cases have subclasses, so an app catches what it handles, as with the Realm SDKs:
 * {@link InvalidCredentialsException}, {@link UserAlreadyExistsException},
 * {@link LinkRefusedException}, {@link SessionExpiredException} and
 * {@link TooManyRequestsException}. Anything else is a plain {@code ServiceException}.
 */
public sealed class ServiceException extends AtriumException
        permits InvalidCredentialsException, UserAlreadyExistsException, LinkRefusedException, SessionExpiredException,
        TooManyRequestsException {
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

    /** The refusal of an answer, as the subclass its status and {@code error_code} call for. */
    static ServiceException of(int httpStatus, String wireErrorCode, String serverMessage, String link, Duration retryAfter) {
        if (httpStatus == 429) {
            return new TooManyRequestsException(httpStatus, wireErrorCode, serverMessage, link, retryAfter);
        }
        switch (ErrorCode.fromWire(wireErrorCode)) {
            case InvalidPassword:
                return new InvalidCredentialsException(httpStatus, wireErrorCode, serverMessage, link, retryAfter);
            case AccountNameInUse:
                return new UserAlreadyExistsException(httpStatus, wireErrorCode, serverMessage, link, retryAfter);
            case LinkRefused:
                return new LinkRefusedException(httpStatus, wireErrorCode, serverMessage, link, retryAfter);
            case InvalidSession:
                return new SessionExpiredException(httpStatus, wireErrorCode, serverMessage, link, retryAfter);
            default:
                return new ServiceException(httpStatus, wireErrorCode, serverMessage, link, retryAfter);
        }
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
