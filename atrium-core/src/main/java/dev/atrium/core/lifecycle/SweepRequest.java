package dev.atrium.core.lifecycle;

import java.time.Duration;

/**
 * What one sweep is asked to do.
 *
 * @param appId the one app to sweep, or null for every app
 * @param olderThan overrides the apps' inactivity period when non-null
 * @param batchSize guests deleted per transaction
 * @param pauseBetween the least wait between batches, served or idle
 * @param yieldFactor while the server serves requests, the wait after a batch is at least this many times the
 *     batch's duration, so the sweeper holds the database at most 1 / (1 + yieldFactor) of the time; 0: only
 *     {@code pauseBetween}
 * @param mode delete, or only count and sample
 */
public record SweepRequest(String appId, Duration olderThan, int batchSize, Duration pauseBetween, int yieldFactor,
                           Mode mode) {

    /** Whether the sweep deletes or only tells what it would delete. */
    public enum Mode { DELETE, DRY_RUN }

    public SweepRequest {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        if (yieldFactor < 0) {
            throw new IllegalArgumentException("yield factor must not be negative");
        }
    }

    /** A sweep with a fixed pause that never yields more (a process that serves nothing). */
    public SweepRequest(String appId, Duration olderThan, int batchSize, Duration pauseBetween, Mode mode) {
        this(appId, olderThan, batchSize, pauseBetween, 0, mode);
    }

    /** The wait after a batch that took {@code took}, {@code serving} or not. */
    Duration pauseAfter(Duration took, boolean serving) {
        if (!serving || yieldFactor == 0) {
            return pauseBetween;
        }
        Duration yielded = took.multipliedBy(yieldFactor);
        return yielded.compareTo(pauseBetween) > 0 ? yielded : pauseBetween;
    }

    /** Deletes the inactive guests of every app at their own inactivity period: the scheduled sweep. */
    public static SweepRequest everyApp(int batchSize, Duration pauseBetween, int yieldFactor) {
        return new SweepRequest(null, null, batchSize, pauseBetween, yieldFactor, Mode.DELETE);
    }
}
