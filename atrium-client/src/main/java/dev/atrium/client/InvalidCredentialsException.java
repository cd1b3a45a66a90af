package dev.atrium.client;

import java.time.Duration;

/**
 * The credentials were refused: wrong e-mail or password ({@code InvalidPassword}, HTTP 401).
 * Atrium answers an unknown address the same way, so this never tells whether an account exists.
 * A wrong API key or custom JWT is a plain {@link ServiceException} with {@code AuthError}, which
 * also covers an account that is not confirmed yet.
 */
public final class InvalidCredentialsException extends ServiceException {

    InvalidCredentialsException(int httpStatus, String wireErrorCode, String serverMessage, String link, Duration retryAfter) {
        super(httpStatus, wireErrorCode, serverMessage, link, retryAfter);
    }
}
