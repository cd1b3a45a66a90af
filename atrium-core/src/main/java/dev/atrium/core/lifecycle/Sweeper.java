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
 * Deletes guests inactive longer than their app's {@code inactivity} (docs/architecture.md, Inactive guests are swept),
 * in bounded batches with a pause between them, so the sweeper never holds the database
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

    /** Sweeps the request's app, or every app; a dry run only counts and samples. One report per app. */
    public List<SweepReport> sweep(SweepRequest request, Pause pause) throws InterruptedException {
        return sweep(request, pause, () -> false);
    }

    /**
     * The same, stopping between batches once {@code stop} says so (a server shutting down): each
     * batch is a transaction, so a stopped sweep has deleted whole batches and nothing half; the
     * next sweep takes up the rest.
     */
    public List<SweepReport> sweep(SweepRequest request, Pause pause, BooleanSupplier stop) throws InterruptedException {
        List<SweepReport> reports = new ArrayList<>();
        for (App app : apps.list()) {
            if (stop.getAsBoolean()) {
                break;
            }
            if (request.appId() == null || app.id().equals(request.appId())) {
                reports.add(sweepApp(app, request, pause, stop));
            }
        }
        return reports;
    }

    private SweepReport sweepApp(App app, SweepRequest request, Pause pause, BooleanSupplier stop) throws InterruptedException {
        Instant start = clock.instant();
        Instant cutoff = start.minus(request.olderThan() != null ? request.olderThan() : app.settings().inactivity());
        int batchSize = request.batchSize();
        if (request.mode() == SweepRequest.Mode.DRY_RUN) {
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
            pause.pause(request.pauseBetween());
        }
        telemetry.sweepRun(deleted);
        telemetry.deleted("inactivity", deleted);
        return new SweepReport(app.id(), cutoff, false, deleted, List.of(), batches,
                Duration.between(start, clock.instant()));
    }
}
