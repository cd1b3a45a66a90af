package dev.atrium.client;

/**
 * Errors raised by the SDK itself, never sent by a server. Names and numbers are realm-core's
 * client errors where core has one, so logs read the same as with the other SDKs; the SDK's own
 * have number 0.
 */
public enum ClientErrorCode {
    /** An argument the SDK cannot use (a blank app id, a base URL that is not http(s), a null). */
    InvalidArgument(0),
    /** The {@link App} was closed; core calls it ClientAppDeallocated. */
    ClientAppClosed(4102),
    /** The user is not on this device (removed, deleted, or from another {@link App}). */
    ClientUserNotFound(4100),
    /** The operation needs a logged-in user. */
    ClientUserNotLoggedIn(4101),
    /** Anonymous credentials cannot be linked to an existing user; nothing was sent. */
    ClientUserAlreadyNamed(4105),
    /** A token in an answer is not a JWT with integer {@code iat} and {@code exp}. */
    BadToken(4200),
    /** An answer is not the JSON it should be, or contradicts the request. */
    MalformedJson(4201),
    /** An answer lacks a field the protocol requires (e.g. {@code hostname}, {@code user_id}). */
    MissingJsonKey(4202);

    private final int coreNumber;

    ClientErrorCode(int coreNumber) {
        this.coreNumber = coreNumber;
    }

    /** realm-core's number for this error (informative). */
    public int coreNumber() {
        return coreNumber;
    }
}
