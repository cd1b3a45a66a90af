package dev.atrium.core.admin;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.auth.apikey.ApiKey;
import dev.atrium.core.auth.apikey.ApiKeyProvider;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.kernel.Secrets;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Server API keys: each logs in (provider {@code api-key}) as its own user of type {@code server}. */
public final class ServerKeys {
    private final AppDirectory apps;
    private final ServerKeyStore store;
    private final Clock clock;

    /** A new key with its secret (shown once). */
    public record Created(ApiKey key, String secret) {}

    public ServerKeys(AppDirectory apps, ServerKeyStore store, Clock clock) {
        this.apps = apps;
        this.store = store;
        this.clock = clock;
    }

    public Created create(String appId, String name) {
        apps.requireApp(appId);
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new AuthException(ErrorCode.InvalidParameter, "name must be 1..64 of letters, digits, '-' and '_'");
        }
        if (store.list(appId).stream().anyMatch(k -> k.name().equals(name))) {
            throw new AuthException(ErrorCode.APIKeyAlreadyExists, "API key with name '" + name + "' already exists");
        }
        Instant now = clock.instant();
        String secret = Secrets.random(48);
        String keyId = ObjectIds.next(now);
        User user = new User(ObjectIds.next(now), appId, UserType.SERVER, false, now, now, Map.of(),
                List.of(new Identity(ApiKeyProvider.TYPE, keyId, Map.of("name", name), now)));
        ApiKey key = new ApiKey(keyId, appId, user.id(), name, Secrets.hash(secret), false, now);
        store.create(user, key);
        return new Created(key, secret);
    }

    public List<ApiKey> list(String appId) {
        apps.requireApp(appId);
        return store.list(appId);
    }

    public void delete(String appId, String keyId) {
        apps.requireApp(appId);
        if (!store.delete(appId, keyId, clock.instant())) {
            throw new AuthException(ErrorCode.APIKeyNotFound, "API key not found");
        }
    }
}
