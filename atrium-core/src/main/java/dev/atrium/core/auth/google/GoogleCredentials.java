package dev.atrium.core.auth.google;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;

/**
 * What a client sends to log in with Google: an ID token ({@code id_token}, optionally with the raw
 * {@code nonce}, an Atrium extension) or an auth code ({@code authCode}), never both: the two forms
 * realm-web's {@code Credentials.google} sends.
 */
public sealed interface GoogleCredentials {

    /** An ID token Google issued to the client. */
    record IdToken(String idToken, String nonce) implements GoogleCredentials {}

    /** A one-time auth code for the app's client id, to exchange at the token endpoint. */
    record AuthCode(String code) implements GoogleCredentials {
        @Override
        public String toString() {
            return "AuthCode[…]";
        }
    }

    /** MissingParameter when neither is sent, InvalidParameter when both are; empty counts as absent. */
    static GoogleCredentials of(String idToken, String authCode, String nonce) {
        boolean token = idToken != null && !idToken.isEmpty();
        boolean code = authCode != null && !authCode.isEmpty();
        if (token && code) {
            throw new AuthException(ErrorCode.InvalidParameter, "send either id_token or authCode, not both");
        }
        if (code) {
            return new AuthCode(authCode);
        }
        if (!token) {
            throw new AuthException(ErrorCode.MissingParameter, "missing parameter: id_token or authCode");
        }
        return new IdToken(idToken, nonce == null || nonce.isEmpty() ? null : nonce);
    }
}
