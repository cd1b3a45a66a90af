package dev.atrium.client;

import java.time.Duration;

/**
 * The session is over ({@code InvalidSession}, HTTP 401): it was logged out elsewhere, deleted, or
 * its refresh token expired. When the SDK's one refresh attempt was refused too, the user is
 * already logged out locally (a guest removed) by the time this is thrown; log in again.
 */
public final class SessionExpiredException extends ServiceException {

    SessionExpiredException(int httpStatus, String wireErrorCode, String serverMessage, String link, Duration retryAfter) {
        super(httpStatus, wireErrorCode, serverMessage, link, retryAfter);
    }
}
