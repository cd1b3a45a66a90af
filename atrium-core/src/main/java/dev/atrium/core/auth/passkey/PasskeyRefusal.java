package dev.atrium.core.auth.passkey;

import com.webauthn4j.verifier.exception.BadAlgorithmException;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.BadSignatureException;
import com.webauthn4j.verifier.exception.CrossOriginException;
import com.webauthn4j.verifier.exception.InconsistentClientDataTypeException;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.NotAllowedAlgorithmException;
import com.webauthn4j.verifier.exception.UserNotPresentException;
import com.webauthn4j.verifier.exception.UserNotVerifiedException;
import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;

/**
 * Why a passkey ceremony was refused, as the caller reads it: AuthError "passkey refused: …" (a
 * registration turns it into LinkRefused "link refused: passkey refused: …"). Each reason has a
 * fixed text, listed in docs/providers/passkey.md, Errors; the library's own message goes to the
 * log only (the exception's detail).
 */
final class PasskeyRefusal {
    private PasskeyRefusal() {}

    /** The documented reasons. */
    enum Reason {
        CHALLENGE("unknown, used or expired challenge: ask for new options"),
        ORIGIN("the page's origin is not one of the app's allowed_origins"),
        RP_ID("the passkey is for another relying party id"),
        SIGNATURE("the signature does not verify"),
        COUNTER("the signature counter went backwards: the authenticator may have been cloned"),
        USER_NOT_VERIFIED("the authenticator did not verify the user"),
        USER_NOT_PRESENT("the authenticator saw no user"),
        CEREMONY("the answer is for another ceremony"),
        ALGORITHM("the key's algorithm is not one offered"),
        CROSS_ORIGIN("a page embedded in another site may not use passkeys"),
        UNKNOWN_CREDENTIAL("unknown passkey"),
        NO_USER_HANDLE("the assertion names no user (userHandle): use a discoverable passkey"),
        CREDENTIAL_ID_MISMATCH("the credential id does not match the authenticator data"),
        MALFORMED("the authenticator's answer is malformed"),
        NOT_VERIFIED("the authenticator's answer does not verify");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }
    }

    static AuthException of(Reason reason) {
        return new AuthException(ErrorCode.AuthError, "passkey refused: " + reason.text());
    }

    /** The refusal for a webauthn4j failure; its message is logged as the detail. */
    static AuthException from(RuntimeException e) {
        return new AuthException(ErrorCode.AuthError, "passkey refused: " + reasonOf(e).text(),
                e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private static Reason reasonOf(RuntimeException e) {
        return switch (e) {
            case BadChallengeException x -> Reason.CHALLENGE;
            case BadOriginException x -> Reason.ORIGIN;
            case BadRpIdException x -> Reason.RP_ID;
            case BadSignatureException x -> Reason.SIGNATURE;
            case MaliciousCounterValueException x -> Reason.COUNTER;
            case UserNotVerifiedException x -> Reason.USER_NOT_VERIFIED;
            case UserNotPresentException x -> Reason.USER_NOT_PRESENT;
            case InconsistentClientDataTypeException x -> Reason.CEREMONY;
            case BadAlgorithmException x -> Reason.ALGORITHM;
            case NotAllowedAlgorithmException x -> Reason.ALGORITHM;
            case CrossOriginException x -> Reason.CROSS_ORIGIN;
            case com.webauthn4j.verifier.exception.VerificationException x -> Reason.NOT_VERIFIED;
            default -> Reason.MALFORMED;
        };
    }
}
