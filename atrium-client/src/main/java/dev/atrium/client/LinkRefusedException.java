package dev.atrium.client;

import java.time.Duration;

/**
 * Linking refused ({@code LinkRefused}, HTTP 409): the identity belongs to another user, the user
 * already has an identity of that provider, or the credentials were wrong. The user is unchanged
 * and still logged in.
 */
public final class LinkRefusedException extends ServiceException {

    LinkRefusedException(int httpStatus, String wireErrorCode, String serverMessage, String link, Duration retryAfter) {
        super(httpStatus, wireErrorCode, serverMessage, link, retryAfter);
    }
}
