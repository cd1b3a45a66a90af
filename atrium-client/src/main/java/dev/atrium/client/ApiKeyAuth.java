package dev.atrium.client;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The API keys of one user. Every request carries the user's <b>refresh</b> token, so
 * the user must be logged in; a 401 answer logs it out locally. Thread-safe.
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
        Args.required(name, "name");
        return core.tokens.withRefreshToken(userId, refresh -> core.api.createApiKey(refresh, name));
    }

    /** {@link #create} on the App's executor. */
    public CompletableFuture<ApiKey> createAsync(String name) {
        return core.async(() -> create(name));
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

    /** {@link #fetch} on the App's executor. */
    public CompletableFuture<Optional<ApiKey>> fetchAsync(String id) {
        return core.async(() -> fetch(id));
    }

    /** Every key of the user, without secrets. */
    public List<ApiKey> list() {
        return core.tokens.withRefreshToken(userId, core.api::listApiKeys);
    }

    /** {@link #list} on the App's executor. */
    public CompletableFuture<List<ApiKey>> listAsync() {
        return core.async(this::list);
    }

    /** Lets logins with this key in again. */
    public void enable(String id) {
        command("PUT", id, "enable");
    }

    /** {@link #enable} on the App's executor. */
    public CompletableFuture<Void> enableAsync(String id) {
        return core.asyncRun(() -> enable(id));
    }

    /** Refuses logins with this key until enabled again. */
    public void disable(String id) {
        command("PUT", id, "disable");
    }

    /** {@link #disable} on the App's executor. */
    public CompletableFuture<Void> disableAsync(String id) {
        return core.asyncRun(() -> disable(id));
    }

    /** Deletes the key. */
    public void delete(String id) {
        command("DELETE", id, null);
    }

    /** {@link #delete} on the App's executor. */
    public CompletableFuture<Void> deleteAsync(String id) {
        return core.asyncRun(() -> delete(id));
    }

    private void command(String method, String id, String action) {
        core.tokens.withRefreshToken(userId, refresh -> {
            core.api.apiKeyCommand(refresh, method, id(id), action);
            return null;
        });
    }

    private static String id(String id) {
        return Args.text(id, "an API key id");
    }
}
