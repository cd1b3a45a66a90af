package dev.atrium.core.admin;

import dev.atrium.core.auth.apikey.ApiKey;
import dev.atrium.core.users.User;
import java.util.List;

/**
 * Server API keys (App Services' kind): each logs in as its own user of type {@code server}
 * that holds one {@code api-key} identity, the key's id.
 */
public interface ServerKeyStore {

    /** Creates the server user (with its api-key identity and created event) and the key, in one transaction. */
    void create(User serverUser, ApiKey key);

    /** The app's server keys, oldest first; empty when none. */
    List<ApiKey> list(String appId);

    /** Deletes the key and its server user; false when no such server key. */
    boolean delete(String appId, String keyId, java.time.Instant at);
}
