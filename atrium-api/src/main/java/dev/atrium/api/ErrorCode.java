package dev.atrium.api;

/**
 * Error codes sent as {@code error_code} in every error body (docs/client-api.md, Errors).
 *
 * <p>The names are the wire values; the SDKs map them by name. The numbers are realm-core's
 * (docs/client-api.md, Errors) and are informative only. Codes marked "Atrium" are not in the App Services
 * catalogue: core turns unknown names into AppServerError and keeps the string, which is what we
 * want for conditions App Services never had (rate limits, an unavailable store).
 * HTTP statuses live in exactly one place, the server's {@code ErrorMapper}.
 */
public enum ErrorCode {
    MissingAuthReq(4300),
    InvalidSession(4301),
    DomainNotAllowed(4303),
    InvalidParameter(4305),
    MissingParameter(4306),
    InternalServerError(4315),
    AuthProviderNotFound(4316),
    APIKeyNotFound(4334),
    RestrictedHost(4338),
    APIKeyAlreadyExists(4339),
    UserAlreadyConfirmed(4343),
    UserNotFound(4344),
    UserDisabled(4345),
    AuthError(4346),
    BadRequest(4347),
    AccountNameInUse(4348),
    InvalidPassword(4349),
    AppUnknownError(4351),
    MaintenanceInProgress(4352),
    UserpassTokenInvalid(4353),
    /** Atrium: the app id in the path is unknown. */
    AppNotFound(0),
    /** Atrium: no route for this method and path. */
    NotFound(0),
    /** Atrium: the route exists but not for this method. */
    MethodNotAllowed(0),
    /** Atrium: the request body is larger than the server accepts. */
    PayloadTooLarge(0),
    /** Atrium: a linking request was refused (identity taken, provider already linked, bad credentials). */
    LinkRefused(0),
    /** Atrium: a merge was refused (unknown, used or expired ticket; the caller is no longer a guest). */
    MergeRefused(0),
    /** Atrium: an admission limit was reached; retry after the {@code Retry-After} header. */
    TooManyRequests(0),
    /** Atrium: the store cannot be reached; the request changed nothing. */
    StoreUnavailable(0),
    /**
     * Atrium: the server is at capacity for this work (password hashing, background deliveries) and
     * could not take the request in time; it changed nothing, retry after {@code Retry-After}.
     */
    ServerBusy(0),
    /** Atrium: a confirmation or reset token could not be delivered (mail server or webhook failed). */
    DeliveryFailed(0),
    /** Atrium: admin API authentication failed. */
    AdminUnauthorized(0),
    /** Atrium: the user has no passkey of that id (docs/providers/passkey.md). */
    PasskeyNotFound(0);

    private final int coreNumber;

    ErrorCode(int coreNumber) {
        this.coreNumber = coreNumber;
    }

    /** realm-core's number for this code, or 0 for Atrium's own codes. */
    public int coreNumber() {
        return coreNumber;
    }

    /** The code named {@code name}, or {@link #AppUnknownError} when the name is not known. */
    public static ErrorCode fromWire(String name) {
        if (name == null) {
            return AppUnknownError;
        }
        for (ErrorCode code : values()) {
            if (code.name().equals(name)) {
                return code;
            }
        }
        return AppUnknownError;
    }
}
