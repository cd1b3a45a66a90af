package dev.atrium.core.auth.password;

import java.time.Instant;

/**
 * An email/password account. Its {@code id} is the {@code local-userpass} identity's subject; the
 * user itself is created at the first login (App Services' order), or when a guest links it.
 *
 * @param email normalised (trimmed, lower case); unique per app
 * @param passwordHash Argon2id in PHC string form
 * @param confirmToken the pending confirmation token, or null
 * @param resetToken the pending reset token, or null
 */
public record UserpassAccount(String id, String appId, String email, String passwordHash, boolean confirmed,
                              PendingToken confirmToken, PendingToken resetToken, Instant createdAt) {

    /** A single-use token sent to the user: only its hash is kept; {@code id} is the public tokenId. */
    public record PendingToken(String id, String hash, Instant expiresAt) {}

    public UserpassAccount withConfirmed(boolean value, PendingToken confirm) {
        return new UserpassAccount(id, appId, email, passwordHash, value, confirm, resetToken, createdAt);
    }

    public UserpassAccount withReset(PendingToken reset) {
        return new UserpassAccount(id, appId, email, passwordHash, confirmed, confirmToken, reset, createdAt);
    }

    public UserpassAccount withPassword(String hash) {
        return new UserpassAccount(id, appId, email, hash, confirmed, confirmToken, null, createdAt);
    }
}
