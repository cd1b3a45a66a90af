package dev.atrium.core.idp;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;

/**
 * An ID token that did not pass, with the reason. {@link Reason#text} is safe to show the caller
 * (it describes their token); {@link #getMessage()} may name hosts and upstream errors and is for
 * the log only.
 */
public final class IdTokenRefusedException extends Exception {
    /** Why a token was refused; the text completes "… ID token refused: ". */
    public enum Reason {
        MALFORMED("not a signed JWT"),
        BAD_SIGNATURE("bad signature (not signed by the provider's keys with RS256)"),
        WRONG_ISSUER("wrong issuer"),
        WRONG_AUDIENCE("wrong audience (not one of the app's client ids)"),
        EXPIRED("expired"),
        NOT_YET_VALID("issued in the future"),
        NO_SUBJECT("no usable sub"),
        NONCE_MISMATCH("nonce does not match"),
        NONCE_REPLAYED("already used (its nonce was seen before)"),
        /** The provider's key set could not be fetched: not the caller's fault, said apart. */
        KEYS_UNAVAILABLE("the provider's key set could not be fetched");

        public final String text;

        Reason(String text) {
            this.text = text;
        }
    }

    private final Reason reason;

    public IdTokenRefusedException(Reason reason, String logDetail) {
        super(logDetail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * The AuthError a caller gets, e.g. "Apple ID token refused: expired", or for a key set that
     * could not be fetched "Apple ID token not verified: Apple's key set could not be fetched"
     * ({@code provider} names the provider); this exception's message goes to the log only.
     */
    public AuthException forCaller(String provider) {
        String text = reason == Reason.KEYS_UNAVAILABLE
                ? provider + " ID token not verified: " + provider + "'s key set could not be fetched"
                : provider + " ID token refused: " + reason.text;
        return new AuthException(ErrorCode.AuthError, text, getMessage());
    }
}
