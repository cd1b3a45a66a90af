package dev.atrium.server.http;

import dev.atrium.api.ErrorBody;
import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.StoreUnavailableException;
import dev.atrium.core.kernel.RetryLaterException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.util.EnumMap;
import java.util.Map;

/**
 * The only place that turns a failure into an HTTP response, and the only code → status table
 * (spec §8: 401 is the status with client behaviour attached; the rest are the recommended ones).
 * Every error is logged once with its request id; a 5xx with its stack trace, but for a refusal
 * to retry later (ServerBusy under a flood is expected, not a fault: one line each).
 */
public final class ErrorMapper {
    private static final System.Logger LOG = System.getLogger("atrium.http");
    private static final Map<ErrorCode, Integer> STATUS = new EnumMap<>(ErrorCode.class);

    static {
        for (ErrorCode c : ErrorCode.values()) {
            STATUS.put(c, switch (c) {
                case MissingAuthReq, InvalidSession, InvalidPassword, AuthError, UserDisabled, AdminUnauthorized -> 401;
                case UserNotFound, AuthProviderNotFound, APIKeyNotFound, AppNotFound, NotFound -> 404;
                case AccountNameInUse, UserAlreadyConfirmed, APIKeyAlreadyExists, LinkRefused -> 409;
                case BadRequest, InvalidParameter, MissingParameter, UserpassTokenInvalid -> 400;
                case DomainNotAllowed, RestrictedHost -> 403;
                case MethodNotAllowed -> 405;
                case PayloadTooLarge -> 413;
                case TooManyRequests -> 429;
                case MaintenanceInProgress, StoreUnavailable, ServerBusy -> 503;
                case DeliveryFailed -> 502;
                case InternalServerError, AppUnknownError -> 500;
            });
        }
    }

    private ErrorMapper() {}

    /** The HTTP status of {@code code}. */
    public static int status(ErrorCode code) {
        return STATUS.get(code);
    }

    /** Writes the JSON error for {@code failure} (any throwable) and logs it with the request id. */
    public static void write(ServerRequest req, ServerResponse res, Throwable failure) {
        ErrorCode code;
        String message;
        if (failure instanceof AuthException e) {
            code = e.code();
            message = e.getMessage();
        } else if (failure instanceof StoreUnavailableException) {
            code = ErrorCode.StoreUnavailable;
            message = "the store is unavailable; nothing was changed, retry later";
        } else {
            code = ErrorCode.InternalServerError;
            message = "internal server error";
        }
        String rid = RequestIds.of(req);
        int status = status(code);
        if (status >= 500 && !(failure instanceof RetryLaterException)) {
            LOG.log(Level.ERROR, () -> LogText.escape("rid=" + rid + " " + status + " " + code + " "
                    + req.prologue().method().text() + " " + req.path().path()), failure);
        } else {
            LOG.log(Level.INFO, () -> LogText.escape("rid=" + rid + " " + status + " " + code + " "
                    + req.prologue().method().text() + " " + req.path().path() + ": " + message));
        }
        if (code == ErrorCode.StoreUnavailable) {
            res.header(HeaderNames.RETRY_AFTER, "1");
        } else if (failure instanceof RetryLaterException limited) {
            res.header(HeaderNames.RETRY_AFTER, String.valueOf(Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000)));
        }
        Responses.json(res, status, new ErrorBody(message, code.name(), RequestIds.link(rid)));
    }
}
