package dev.atrium.core.lifecycle;

import java.time.Duration;

/**
 * What one sweep is asked to do.
 *
 * @param appId the one app to sweep, or null for every app
 * @param olderThan overrides the apps' inactivity period when non-null
 * @param batchSize guests deleted per transaction
 * @param pauseBetween how long to wait between batches, so logins keep their share of the database
 * @param mode delete, or only count and sample
 */
public record SweepRequest(String appId, Duration olderThan, int batchSize, Duration pauseBetween, Mode mode) {

    /** Whether the sweep deletes or only tells what it would delete. */
    public enum Mode { DELETE, DRY_RUN }

    public SweepRequest {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
    }

    /** Deletes the inactive guests of every app at their own inactivity period: the scheduled sweep. */
    public static SweepRequest everyApp(int batchSize, Duration pauseBetween) {
        return new SweepRequest(null, null, batchSize, pauseBetween, Mode.DELETE);
    }
}
