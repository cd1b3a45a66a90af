package dev.atrium.core.auth.password;

import java.time.Instant;

/**
 * An email/password account. Its {@code id} is the {@code local-userpass} identity's subject; the
 * user itself is created at the first login (App Services' order), or when a guest links it.
 *
 * @param email normalised (trimmed, lower case); unique per app
 * @param passwordHash Argon2id in PHC string form; null while the account has no password: an account
 *     brought over from App Services, which never exports password hashes, gets one by a reset
 *     (docs/migrating-from-app-services.md); until then every password login of it fails as a wrong
 *     password does
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

    /**
     * The form an e-mail is stored and looked up in (trimmed, lower case, as logins normalise it), or
     * empty when it is no address a login would accept (control characters, too long, no {@code @}).
     */
    public static java.util.Optional<String> normaliseEmail(String raw) {
        if (raw == null || raw.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(UserpassInput.email(raw));
        } catch (dev.atrium.core.kernel.AuthException e) {
            return java.util.Optional.empty();
        }
    }

    /** Whether a password was ever set (an imported account has none until its first reset). */
    public boolean hasPassword() {
        return passwordHash != null;
    }

    public UserpassAccount withPassword(String hash) {
        return new UserpassAccount(id, appId, email, hash, confirmed, confirmToken, null, createdAt);
    }
}
