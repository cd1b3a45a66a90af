package dev.atrium.client.storage;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the snapshot in memory only: nothing survives the process. For tests (hand the same
 * instance to a second App to simulate a restart), and for servers that log users in on behalf
 * of others and must not write tokens to disk. Thread-safe.
 */
public final class InMemoryUserStorage implements UserStorage {
    private final AtomicReference<StoredUsers> snapshot;

    /** An empty store. */
    public InMemoryUserStorage() {
        this(StoredUsers.EMPTY);
    }

    /** A store that starts with {@code initial} (e.g. a copy of another store's snapshot). */
    public InMemoryUserStorage(StoredUsers initial) {
        this.snapshot = new AtomicReference<>(java.util.Objects.requireNonNull(initial, "initial"));
    }

    @Override
    public StoredUsers load() {
        return snapshot.get();
    }

    @Override
    public void save(StoredUsers users) {
        snapshot.set(java.util.Objects.requireNonNull(users, "users"));
    }
}
