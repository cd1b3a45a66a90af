package dev.atrium.core.admission;

import dev.atrium.core.apps.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key, in memory, with a hard bound on entries. A full bucket is
 * indistinguishable from a new one, so dropping it loses nothing: when the map is over its bound,
 * the fullest buckets go first, and the drained ones (the clients being limited) stay. A flood of
 * distinct addresses thus costs each at most a fresh burst, and the app-wide budget catches the
 * flood as a whole.
 */
public final class TokenBuckets {
    private final int maxEntries;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        final int capacity;
        final double perSecond;
        double tokens;
        Instant updated;

        Bucket(int capacity, double perSecond, Instant updated) {
            this.capacity = capacity;
            this.perSecond = perSecond;
            this.tokens = capacity;
            this.updated = updated;
        }

        /** Adds what {@code perSecond} refilled since the last update, up to {@code capacity}, as of {@code now}. */
        void refill(int capacity, double perSecond, Instant now) {
            double elapsed = Math.max(0, Duration.between(updated, now).toNanos() / 1e9);
            tokens = Math.min(capacity, tokens + elapsed * perSecond);
            if (now.isAfter(updated)) {
                updated = now;
            }
        }

        /** The share of the capacity this bucket would hold at {@code now}, 0..1. */
        double fullness(Instant now) {
            double elapsed = Math.max(0, Duration.between(updated, now).toNanos() / 1e9);
            return Math.min(capacity, tokens + elapsed * perSecond) / capacity;
        }
    }

    public TokenBuckets(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /**
     * Takes one token from {@code key}'s bucket ({@code limit.burst()} tokens, refilled at the
     * limit's rate). Returns {@link Duration#ZERO} when taken, else how long until one token is
     * available.
     */
    public Duration take(String key, RateLimit limit, Instant now) {
        int capacity = limit.burst();
        double perSecond = limit.perSecond();
        Duration[] wait = {Duration.ZERO};
        buckets.compute(key, (k, b) -> {
            Bucket bucket = b == null ? new Bucket(capacity, perSecond, now) : b;
            bucket.refill(capacity, perSecond, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
            } else {
                wait[0] = Duration.ofMillis((long) Math.ceil((1 - bucket.tokens) / perSecond * 1000));
            }
            return bucket;
        });
        if (buckets.size() > maxEntries) {
            evict(now);
        }
        return wait[0];
    }

    /** Gives back one token taken from {@code key} (the work it paid for did not happen), up to the burst. */
    public void giveBack(String key, RateLimit limit, Instant now) {
        buckets.computeIfPresent(key, (k, bucket) -> {
            bucket.refill(limit.burst(), limit.perSecond(), now);
            bucket.tokens = Math.min(limit.burst(), bucket.tokens + 1);
            return bucket;
        });
    }

    /** Fills {@code key}'s bucket again: a full bucket is the same as none, so it is dropped. */
    public void reset(String key) {
        buckets.remove(key);
    }

    /** How many buckets are held (for tests of the bound). */
    public int size() {
        return buckets.size();
    }

    /** Drops full buckets, then the fullest, down to 90 % of the bound (amortising the sort). */
    private synchronized void evict(Instant now) {
        if (buckets.size() <= maxEntries) {
            return;
        }
        buckets.values().removeIf(b -> b.fullness(now) >= 1.0);
        int excess = buckets.size() - maxEntries * 9 / 10;
        if (excess > 0) {
            buckets.entrySet().stream()
                    .sorted(Comparator.comparingDouble((java.util.Map.Entry<String, Bucket> e) -> e.getValue().fullness(now)).reversed())
                    .limit(excess).map(java.util.Map.Entry::getKey).toList().forEach(buckets::remove);
        }
    }
}
