package dev.atrium.core.auth.facebook;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;

/** What a client sends to log in with Facebook: {@code accessToken}, the user access token Facebook Login gave it. */
public record FacebookCredentials(String accessToken) {

    /** MissingParameter when {@code accessToken} is absent or empty. */
    public static FacebookCredentials of(String accessToken) {
        if (accessToken == null || accessToken.isEmpty()) {
            throw new AuthException(ErrorCode.MissingParameter, "missing parameter: accessToken");
        }
        return new FacebookCredentials(accessToken);
    }

    @Override
    public String toString() {
        return "FacebookCredentials[…]";
    }
}
