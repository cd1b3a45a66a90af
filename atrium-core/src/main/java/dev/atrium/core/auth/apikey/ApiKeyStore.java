package dev.atrium.core.auth.apikey;

import java.util.List;
import java.util.Optional;

/** Persistence of user API keys. */
public interface ApiKeyStore {

    /** Inserts the key; false (nothing written) when the user already has a key of that name. */
    boolean create(ApiKey key);

    /** The user's key with this id; empty when none (or it belongs to someone else). */
    Optional<ApiKey> find(String appId, String userId, String keyId);

    /** The key whose secret hashes to {@code keyHash}; empty when none. */
    Optional<ApiKey> findByHash(String appId, String keyHash);

    /** The user's keys, oldest first; empty list when none. */
    List<ApiKey> list(String appId, String userId);

    /** Sets the disabled flag of the user's key; false when not found. */
    boolean setDisabled(String appId, String userId, String keyId, boolean disabled);

    /** Deletes the user's key; false when not found. */
    boolean delete(String appId, String userId, String keyId);
}
