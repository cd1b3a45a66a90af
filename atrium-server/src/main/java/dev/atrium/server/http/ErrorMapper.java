package dev.atrium.server.http;

import dev.atrium.api.ErrorBody;
import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.StoreUnavailableException;
import dev.atrium.core.kernel.RetryLaterException;
import dev.atrium.core.merge.MergeOfferedException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.util.EnumMap;
import java.util.Map;

/**
 * The only place that turns a failure into an HTTP response, and the only code → status table
 * (docs/client-api.md, Errors: 401 is the status with client behaviour attached; the rest are the recommended ones).
 * Every error is logged once with its request id; a 5xx with its stack trace, but for a refusal
 * to retry later (ServerBusy under a flood is expected, not a fault: one line each).
 *
 * <p>What a caller reads: a 4xx's text describes the caller's own request and is sent as thrown;
 * a 5xx is a failure of Atrium or of something it called (a mail server, a webhook, the store),
 * whose text may name hosts, URLs, exception classes or the upstream's answer, so every 5xx code
 * has a fixed text ({@link #publicMessage}) and the thrown text goes to the log line only, with
 * the request id the caller gets in {@code link}. An {@link AuthException#detail()} is logged, never sent.
 * One refusal carries a field more: a guest's link refused for an identity another user holds has
 * its {@code merge_ticket} (docs/client-api.md, Merging a guest), which is never logged.
 */
public final class ErrorMapper {
    private static final System.Logger LOG = System.getLogger("atrium.http");
    private static final Map<ErrorCode, Integer> STATUS = new EnumMap<>(ErrorCode.class);
    /** The only texts a 5xx ever carries. */
    private static final Map<ErrorCode, String> FIXED_TEXT = new EnumMap<>(Map.of(
            ErrorCode.DeliveryFailed, "could not deliver the message to the app's mail server or webhook; nothing was changed",
            ErrorCode.StoreUnavailable, "the store is unavailable; nothing was changed, retry later",
            ErrorCode.MaintenanceInProgress, "maintenance in progress; retry later",
            ErrorCode.ServerBusy, "the server is busy; nothing was changed, retry later",
            ErrorCode.InternalServerError, "internal server error",
            ErrorCode.AppUnknownError, "internal server error"));

    static {
        for (ErrorCode c : ErrorCode.values()) {
            STATUS.put(c, switch (c) {
                case MissingAuthReq, InvalidSession, InvalidPassword, AuthError, UserDisabled, AdminUnauthorized -> 401;
                case UserNotFound, AuthProviderNotFound, APIKeyNotFound, AppNotFound, NotFound, PasskeyNotFound -> 404;
                case AccountNameInUse, UserAlreadyConfirmed, APIKeyAlreadyExists, LinkRefused, MergeRefused -> 409;
                case BadRequest, InvalidParameter, MissingParameter, UserpassTokenInvalid -> 400;
                case DomainNotAllowed, RestrictedHost -> 403;
                case MethodNotAllowed -> 405;
                case PayloadTooLarge -> 413;
                case TooManyRequests -> 429;
                case MaintenanceInProgress, StoreUnavailable, ServerBusy -> 503;
                case DeliveryFailed -> 502;
                case InternalServerError, AppUnknownError -> 500;
            });
            if (STATUS.get(c) >= 500 && !FIXED_TEXT.containsKey(c)) {
                throw new IllegalStateException("5xx code " + c + " has no fixed text");
            }
        }
    }

    private ErrorMapper() {}

    /** The text a caller gets for {@code code}: the fixed one of a 5xx, else {@code message}. */
    public static String publicMessage(ErrorCode code, String message) {
        return FIXED_TEXT.getOrDefault(code, message);
    }

    /** The HTTP status of {@code code}. */
    public static int status(ErrorCode code) {
        return STATUS.get(code);
    }

    /** Writes the JSON error for {@code failure} (any throwable) and logs it with the request id. */
    public static void write(ServerRequest req, ServerResponse res, Throwable failure) {
        Classified c = classify(failure);
        // Before the log line, which carries the answered status among its request fields.
        dev.atrium.server.logs.RequestLog.answered(Routes.pattern(req), status(c.code()));
        Described d = emit(req, failure, c);
        if (d.code() == ErrorCode.StoreUnavailable) {
            res.header(HeaderNames.RETRY_AFTER, "1");
        } else if (failure instanceof RetryLaterException limited) {
            res.header(HeaderNames.RETRY_AFTER, String.valueOf(Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000)));
        }
        String ticket = failure instanceof MergeOfferedException offered ? offered.ticket() : null;
        Responses.json(res, status(d.code()), new ErrorBody(d.message(), d.code().name(), RequestIds.link(RequestIds.of(req)),
                ticket));
    }

    /** A failure's code and the text a caller may read. */
    public record Described(ErrorCode code, String message) {}

    /**
     * Logs {@code failure} as {@link #write} does, without answering: for a route that shows the
     * failure another way (the web sign-in sends the browser back to the app with it). Returns
     * what the caller may be told.
     */
    public static Described log(ServerRequest req, Throwable failure) {
        return emit(req, failure, classify(failure));
    }

    /** A failure's code and the text for the log (with an AuthException's detail). */
    private record Classified(ErrorCode code, String thrown) {}

    private static Classified classify(Throwable failure) {
        if (failure instanceof AuthException e) {
            return new Classified(e.code(), e.detail() == null ? e.getMessage() : e.getMessage() + " (" + e.detail() + ")");
        }
        if (failure instanceof StoreUnavailableException) {
            return new Classified(ErrorCode.StoreUnavailable, String.valueOf(failure.getMessage()));
        }
        return new Classified(ErrorCode.InternalServerError, String.valueOf(failure));
    }

    private static Described emit(ServerRequest req, Throwable failure, Classified c) {
        int status = status(c.code());
        String line = "rid=" + RequestIds.of(req) + " " + status + " " + c.code() + " " + req.prologue().method().text() + " "
                + req.path().path() + ": " + c.thrown();
        if (status >= 500 && !(failure instanceof RetryLaterException)) {
            LOG.log(Level.ERROR, () -> LogText.escape(line), failure);
        } else {
            LOG.log(Level.INFO, () -> LogText.escape(line));
        }
        return new Described(c.code(), publicMessage(c.code(), failure.getMessage()));
    }
}
