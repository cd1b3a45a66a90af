package dev.atrium.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The API keys of one user (docs/client-api.md, User and session routes). Every request carries the user's <b>refresh</b> token, so
 * the user must be logged in; a 401 answer logs it out locally (docs/client-api.md, Tokens). Thread-safe.
 */
public final class ApiKeyAuth {
    private final AppCore core;
    private final String userId;

    ApiKeyAuth(AppCore core, String userId) {
        this.core = core;
        this.userId = userId;
    }

    /** Creates a key named {@code name}; the answer is the only one that carries the secret {@link ApiKey#key()}. */
    public ApiKey create(String name) {
        Objects.requireNonNull(name, "name");
        return core.tokens.withRefreshToken(userId, refresh -> core.api.createApiKey(refresh, name));
    }

    /** The key with this id, without its secret; empty when the server answers {@code APIKeyNotFound}. */
    public Optional<ApiKey> fetch(String id) {
        try {
            return Optional.of(core.tokens.withRefreshToken(userId, refresh -> core.api.fetchApiKey(refresh, id(id))));
        } catch (ServiceException e) {
            if (e.errorCode() == dev.atrium.api.ErrorCode.APIKeyNotFound) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Every key of the user, without secrets. */
    public List<ApiKey> list() {
        return core.tokens.withRefreshToken(userId, core.api::listApiKeys);
    }

    /** Lets logins with this key in again. */
    public void enable(String id) {
        command("PUT", id, "enable");
    }

    /** Refuses logins with this key until enabled again. */
    public void disable(String id) {
        command("PUT", id, "disable");
    }

    /** Deletes the key. */
    public void delete(String id) {
        command("DELETE", id, null);
    }

    private void command(String method, String id, String action) {
        core.tokens.withRefreshToken(userId, refresh -> {
            core.api.apiKeyCommand(refresh, method, id(id), action);
            return null;
        });
    }

    private static String id(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an API key id is required");
        }
        return id;
    }
}
