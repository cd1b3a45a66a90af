package dev.atrium.core.auth.apikey;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.auth.RefreshCaller;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.kernel.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The user API-key routes of docs/client-api.md, User and session routes, all under the caller's refresh token, whose session and
 * user the {@link dev.atrium.core.auth.SessionGate} checked. Guests may create keys too: linking
 * one is how a guest device keeps its account for good.
 */
public final class ApiKeyService {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** A user's keys are few; the bound stops a runaway client from filling the table. */
    static final int MAX_KEYS_PER_USER = 20;

    private final ApiKeyStore keys;
    private final Clock clock;

    /** A new key with its secret, the only time the secret exists outside the caller. */
    public record Created(ApiKey key, String secret) {}

    public ApiKeyService(ApiKeyStore keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public Created create(RefreshCaller caller, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new AuthException(ErrorCode.InvalidParameter, "name must be 1..64 of letters, digits, '-' and '_'");
        }
        if (keys.list(caller.app().id(), caller.user().id()).size() >= MAX_KEYS_PER_USER) {
            throw new AuthException(ErrorCode.BadRequest, "a user can have at most " + MAX_KEYS_PER_USER + " API keys");
        }
        Instant now = clock.instant();
        String secret = Secrets.random(48);
        ApiKey key = new ApiKey(ObjectIds.next(now), caller.app().id(), caller.user().id(), name, Secrets.hash(secret), false, now);
        if (!keys.create(key)) {
            throw new AuthException(ErrorCode.APIKeyAlreadyExists, "API key with name '" + name + "' already exists");
        }
        return new Created(key, secret);
    }

    public ApiKey get(RefreshCaller caller, String keyId) {
        return keys.find(caller.app().id(), caller.user().id(), keyId).orElseThrow(ApiKeyService::notFound);
    }

    public List<ApiKey> list(RefreshCaller caller) {
        return keys.list(caller.app().id(), caller.user().id());
    }

    public void setDisabled(RefreshCaller caller, String keyId, boolean disabled) {
        if (!keys.setDisabled(caller.app().id(), caller.user().id(), keyId, disabled)) {
            throw notFound();
        }
    }

    /** Deletes the key; an {@code api-key} identity linked from it stays, but the key no longer logs in. */
    public void delete(RefreshCaller caller, String keyId) {
        if (!keys.delete(caller.app().id(), caller.user().id(), keyId)) {
            throw notFound();
        }
    }

    private static AuthException notFound() {
        return new AuthException(ErrorCode.APIKeyNotFound, "API key not found");
    }
}
