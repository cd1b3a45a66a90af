package dev.atrium.store.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deletes guest buckets that are full again ({@link GuestSignupSql#trim}), at most once per
 * {@link #EVERY} on each node, on a virtual thread of its own so no sign-up waits for it. Time is
 * the claims' clock (the nodes' own), the one the buckets are written in. Every node trims; two
 * trims at once delete the same rows once, and a trim skips the buckets a sign-up holds (it never
 * makes one wait).
 */
final class GuestBucketTrim {
    static final Duration EVERY = Duration.ofMinutes(1);
    private static final System.Logger LOG = System.getLogger("atrium.store");

    private final Database db;
    /** Epoch millis (claims' clock) before which no trim starts; 0 = at the first claim. */
    private final AtomicLong notBefore = new AtomicLong();

    GuestBucketTrim(Database db) {
        this.db = db;
    }

    /** Starts a trim as of {@code at} unless one ran (or started) within {@link #EVERY} before it. */
    void ifDue(Instant at) {
        long due = notBefore.get();
        if (at.toEpochMilli() < due || !notBefore.compareAndSet(due, at.toEpochMilli() + EVERY.toMillis())) {
            return;
        }
        Thread.ofVirtual().name("atrium-guest-bucket-trim").start(() -> run(at));
    }

    /** Trims now, as of {@code at}; how many buckets went. */
    int run(Instant at) {
        try {
            return db.autocommit(c -> GuestSignupSql.trim(c, db.dialect(), at));
        } catch (RuntimeException e) { // the next claim a minute on tries again
            LOG.log(System.Logger.Level.WARNING, "trimming guest buckets failed: " + e.getMessage());
            return 0;
        }
    }
}
