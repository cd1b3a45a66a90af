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
 * for long and logins keep their share. While the server serves requests ({@link Foreground}) the
 * pause grows with the batch's duration (a duty cycle, {@link SweepRequest#yieldFactor}); an idle
 * server sweeps at full speed. Linked users are never touched (they are not guests).
 */
public final class Sweeper {
    private final AppStore apps;
    private final SweepStore store;
    private final Telemetry telemetry;
    private final Clock clock;
    private final Foreground foreground;

    /** How the sweeper waits between batches (the real one sleeps; tests may not). */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration d) throws InterruptedException;
    }

    /** A sweeper in a process that serves nothing: it never yields beyond the request's pause. */
    public Sweeper(AppStore apps, SweepStore store, Telemetry telemetry, Clock clock) {
        this(apps, store, telemetry, clock, Foreground.NONE);
    }

    /** A sweeper inside a server, yielding to {@code foreground}. */
    public Sweeper(AppStore apps, SweepStore store, Telemetry telemetry, Clock clock, Foreground foreground) {
        this.apps = apps;
        this.store = store;
        this.telemetry = telemetry;
        this.clock = clock;
        this.foreground = foreground;
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
        long begun = foreground.requestsBegun();
        while (true) {
            Instant batchStart = clock.instant();
            int n = store.deleteInactiveGuests(app.id(), cutoff, batchSize, batchStart);
            Duration took = Duration.between(batchStart, clock.instant());
            deleted += n;
            batches++;
            if (n < batchSize || stop.getAsBoolean()) {
                break;
            }
            // Requests begun since the last look (the previous pause and this batch): the server is serving.
            long now = foreground.requestsBegun();
            pause.pause(request.pauseAfter(took, now != begun));
            begun = now;
        }
        telemetry.sweepRun(deleted);
        telemetry.deleted("inactivity", deleted);
        return new SweepReport(app.id(), cutoff, false, deleted, List.of(), batches,
                Duration.between(start, clock.instant()));
    }
}
