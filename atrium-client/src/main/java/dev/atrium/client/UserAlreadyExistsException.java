package dev.atrium.client;

import java.time.Duration;

/**
 * Registration refused because the e-mail address already has an account
 * ({@code AccountNameInUse}, HTTP 409). Log in with it, or reset its password.
 */
public final class UserAlreadyExistsException extends ServiceException {

    UserAlreadyExistsException(int httpStatus, String wireErrorCode, String serverMessage, String link, Duration retryAfter) {
        super(httpStatus, wireErrorCode, serverMessage, link, retryAfter);
    }
}
