package dev.atrium.core.admin;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.kernel.Secrets;
import java.time.Clock;
import java.util.List;

/**
 * Operator credentials. A token is 256 random bits, stored as its SHA-256 only, so lookup by hash
 * is as good as a constant-time comparison: timing can reveal nothing about a secret that is never
 * compared. Tokens are never logged; only their id appears in logs.
 */
public final class AdminTokens {
    private final AdminTokenStore store;
    private final Clock clock;

    /** A new token with its secret, the only time the secret exists outside the caller. */
    public record Created(AdminToken token, String secret) {}

    public AdminTokens(AdminTokenStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The token of a bearer secret, or AdminUnauthorized. */
    public AdminToken verify(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw unauthorized();
        }
        return store.findByHash(Secrets.hash(secret)).orElseThrow(AdminTokens::unauthorized);
    }

    public Created create(String name) {
        if (name == null || name.isBlank() || name.length() > 64) {
            throw new AuthException(ErrorCode.InvalidParameter, "name must be 1..64 characters");
        }
        String secret = "atr_" + Secrets.random(32);
        AdminToken token = new AdminToken(ObjectIds.next(clock.instant()), name, Secrets.hash(secret), clock.instant());
        store.insert(token);
        return new Created(token, secret);
    }

    public List<AdminToken> list() {
        return store.list();
    }

    public void revoke(String id) {
        if (!store.revoke(id)) {
            throw new AuthException(ErrorCode.NotFound, "no admin token with id '" + id + "'");
        }
    }

    private static AuthException unauthorized() {
        return new AuthException(ErrorCode.AdminUnauthorized, "a valid admin token is required (Authorization: Bearer atr_…)");
    }
}
