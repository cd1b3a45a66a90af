package dev.atrium.core.lifecycle;

import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppStore;
import dev.atrium.core.kernel.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Deletes guests inactive longer than their app's {@code inactivity} (design §1 rule 4, issue 5
 * item 3), in bounded batches with a pause between them, so the sweeper never holds the database
 * for long and logins keep their share. Linked users are never touched (they are not guests).
 */
public final class Sweeper {
    private final AppStore apps;
    private final SweepStore store;
    private final Telemetry telemetry;
    private final Clock clock;

    /** How the sweeper waits between batches (the real one sleeps; tests may not). */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration d) throws InterruptedException;
    }

    public Sweeper(AppStore apps, SweepStore store, Telemetry telemetry, Clock clock) {
        this.apps = apps;
        this.store = store;
        this.telemetry = telemetry;
        this.clock = clock;
    }

    /**
     * Sweeps one app ({@code appId}) or all (null). {@code olderThan} overrides the apps'
     * inactivity period when non-null. A dry run only counts and samples.
     */
    public List<SweepReport> sweep(String appId, Duration olderThan, int batchSize, Duration pauseBetween, boolean dryRun,
                                   Pause pause) throws InterruptedException {
        return sweep(appId, olderThan, batchSize, pauseBetween, dryRun, pause, () -> false);
    }

    /**
     * The same, stopping between batches once {@code stop} says so (a server shutting down): each
     * batch is a transaction, so a stopped sweep has deleted whole batches and nothing half; the
     * next sweep takes up the rest.
     */
    public List<SweepReport> sweep(String appId, Duration olderThan, int batchSize, Duration pauseBetween, boolean dryRun,
                                   Pause pause, BooleanSupplier stop) throws InterruptedException {
        List<SweepReport> reports = new ArrayList<>();
        for (App app : apps.list()) {
            if (stop.getAsBoolean()) {
                break;
            }
            if (appId == null || app.id().equals(appId)) {
                reports.add(sweepApp(app, olderThan, batchSize, pauseBetween, dryRun, pause, stop));
            }
        }
        return reports;
    }

    private SweepReport sweepApp(App app, Duration olderThan, int batchSize, Duration pauseBetween, boolean dryRun,
                                 Pause pause, BooleanSupplier stop) throws InterruptedException {
        Instant start = clock.instant();
        Instant cutoff = start.minus(olderThan != null ? olderThan : app.settings().inactivity());
        if (dryRun) {
            return new SweepReport(app.id(), cutoff, true, store.countInactiveGuests(app.id(), cutoff),
                    store.inactiveGuests(app.id(), cutoff, 10), 0, Duration.ZERO);
        }
        long deleted = 0;
        int batches = 0;
        while (true) {
            int n = store.deleteInactiveGuests(app.id(), cutoff, batchSize, clock.instant());
            deleted += n;
            batches++;
            if (n < batchSize || stop.getAsBoolean()) {
                break;
            }
            pause.pause(pauseBetween);
        }
        telemetry.sweepRun(deleted);
        telemetry.deleted("inactivity", deleted);
        return new SweepReport(app.id(), cutoff, false, deleted, List.of(), batches,
                Duration.between(start, clock.instant()));
    }
}
