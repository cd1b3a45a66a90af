package dev.atrium.core.auth;

/** A store refused an identity because another user of the app holds it. */
public final class IdentityTakenException extends RuntimeException {
    public IdentityTakenException(String providerType, String subject) {
        super("identity " + providerType + "/" + subject + " already belongs to a user", null, false, false);
    }
}
