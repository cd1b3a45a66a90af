package dev.atrium.core.auth.apikey;

import java.time.Instant;

/**
 * A user API key (docs/client-api.md, User and session routes): shown once at creation, stored as a hash. Logging in with it logs in
 * as its owner; linking it gives the owner a lasting {@code api-key} identity (docs/architecture.md, Linking keeps the user).
 *
 * @param id a plain 24-hex string (core builds an ObjectId from it)
 * @param name unique per user
 */
public record ApiKey(String id, String appId, String userId, String name, String keyHash, boolean disabled,
                     Instant createdAt) {

    public ApiKey withDisabled(boolean value) {
        return new ApiKey(id, appId, userId, name, keyHash, value, createdAt);
    }
}
