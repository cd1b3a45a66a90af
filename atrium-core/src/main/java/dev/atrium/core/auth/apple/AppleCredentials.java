package dev.atrium.core.auth.apple;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;

/**
 * What a client sends to log in with Apple: {@code id_token} (what the Realm SDKs send), and
 * optionally {@code nonce}, the raw value whose SHA-256 (or itself) the app gave Apple (an Atrium
 * extension: no Realm SDK sends one).
 */
public record AppleCredentials(String idToken, String nonce) {

    /** MissingParameter when {@code idToken} is absent or empty; an empty nonce counts as none. */
    public static AppleCredentials of(String idToken, String nonce) {
        if (idToken == null || idToken.isEmpty()) {
            throw new AuthException(ErrorCode.MissingParameter, "missing parameter: id_token");
        }
        return new AppleCredentials(idToken, nonce == null || nonce.isEmpty() ? null : nonce);
    }
}
