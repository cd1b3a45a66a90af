package dev.atrium.core.sessions;

import java.time.Instant;

/**
 * A login session: what a refresh token stands for. Only a hash of the refresh token is kept
 * (docs/client-api.md, Tokens); revoking a session deletes its row, so a revoked token finds nothing.
 */
public record Session(String id, String appId, String userId, String deviceId, String refreshHash,
                      Instant createdAt, Instant expiresAt) {

    /** Whether the session's refresh token is past its lifetime at {@code now}. */
    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
