package dev.atrium.core.tokens;

import java.util.List;

/** Persistence of per-app signing keys. */
public interface SigningKeyStore {

    /** The app's keys, active first then newest first; empty when the app has none yet. */
    List<SigningKey> forApp(String appId);

    /**
     * Inserts {@code key} (which must be active; IllegalArgumentException otherwise) as the app's
     * first active key unless the app already has an active key (atomically, also across nodes);
     * returns false when one existed and nothing was written.
     */
    boolean insertFirst(SigningKey key);

    /**
     * In one transaction: retires the app's active key (state retired, {@code retired_at = at}),
     * makes {@code next} the active key, and deletes retired keys retired before
     * {@code pruneRetiredBefore} (no token they signed can still be valid). Returns false and
     * writes nothing when the app has no active key.
     */
    boolean rotate(SigningKey next, java.time.Instant at, java.time.Instant pruneRetiredBefore);
}
