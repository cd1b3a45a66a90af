package dev.atrium.core.auth.passkey;

import java.time.Instant;
import java.util.Objects;

/**
 * A challenge handed out with a ceremony's options and not yet answered. Kept server-side and by
 * hash only (the browser holds the challenge, and signs it), taken once, short-lived
 * ({@link PasskeyService#CHALLENGE_LIFETIME}): a replayed or late answer finds nothing.
 *
 * @param id SHA-256 (base64url) of the challenge's base64url text
 * @param userId the user a registration is for; null for a login (whoever holds a passkey)
 */
public record PasskeyChallenge(String id, String appId, Ceremony ceremony, String userId, Instant createdAt,
                               Instant expiresAt) {

    public PasskeyChallenge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(ceremony, "ceremony");
        if ((ceremony == Ceremony.REGISTRATION) != (userId != null)) {
            throw new IllegalArgumentException("a registration challenge names its user, a login challenge none");
        }
    }
}
