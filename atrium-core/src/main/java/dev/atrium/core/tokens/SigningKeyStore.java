package dev.atrium.core.tokens;

import java.util.List;

/** Persistence of per-app signing keys. */
public interface SigningKeyStore {

    /** The app's keys, active first then newest first; empty when the app has none yet. */
    List<SigningKey> forApp(String appId);

    /**
     * Inserts {@code key} as the app's first active key unless the app already has an active key
     * (atomically, also across nodes); returns false when one existed and nothing was written.
     */
    boolean insertFirst(SigningKey key);
}
