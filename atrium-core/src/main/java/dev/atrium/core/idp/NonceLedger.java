package dev.atrium.core.idp;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.RetryLaterException;
import dev.atrium.core.kernel.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The nonces of ID tokens already used for a login, each kept until its token expires (after
 * which the token is refused as expired anyway), so a token that carries a nonce logs in once.
 * In memory and per node, like the throttles: with N nodes a captured token can be replayed at
 * most once on each. Bounded: when full, expired entries are dropped; if it is still full the
 * login is refused with ServerBusy rather than forgetting a nonce that is still live.
 */
public final class NonceLedger {
    /** Enough for a hundred thousand nonce-bearing logins within one token lifetime (about an hour at Google and Apple). */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final int capacity;
    private final ConcurrentHashMap<String, Instant> seen = new ConcurrentHashMap<>();

    public NonceLedger(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Records {@code key} as used until {@code until}; false when it was already used and is still
     * live. Keys are stored hashed, so memory per entry is fixed whatever the nonce's length.
     */
    public boolean firstUse(String key, Instant until, Instant now) {
        String hashed = Secrets.hash(key);
        Instant held = seen.get(hashed);
        if (held != null && held.isAfter(now)) {
            return false;
        }
        if (held == null && seen.size() >= capacity) {
            seen.entrySet().removeIf(e -> !e.getValue().isAfter(now));
            if (seen.size() >= capacity) {
                Instant soonest = seen.values().stream().min(Instant::compareTo).orElse(now);
                throw new RetryLaterException(ErrorCode.ServerBusy, "too many ID tokens with a nonce in flight",
                        Duration.between(now, soonest).plusSeconds(1));
            }
        }
        boolean[] first = new boolean[1];
        seen.compute(hashed, (k, old) -> { // atomic: of two logins with one token at once, one wins
            first[0] = old == null || !old.isAfter(now);
            return first[0] ? until : old;
        });
        return first[0];
    }

    /** Entries held now (expired ones included until the next purge). */
    public int size() {
        return seen.size();
    }
}
