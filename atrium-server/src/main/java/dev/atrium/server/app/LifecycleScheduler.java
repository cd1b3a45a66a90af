package dev.atrium.server.app;

import dev.atrium.core.events.EventDispatcher;
import dev.atrium.core.events.EventStore;
import dev.atrium.core.lifecycle.SweepReport;
import dev.atrium.core.lifecycle.SweepRequest;
import dev.atrium.core.lifecycle.Sweeper;
import dev.atrium.server.config.AtriumConfig;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The background work of {@code serve}: the sweeper every {@code sweep-interval}, the event
 * dispatcher every {@code event-poll}, trimming hourly. Every node runs it; the stores make that
 * safe (SKIP LOCKED claims and batches on PostgreSQL, one writer on SQLite). A failing round is
 * logged and the next one runs as scheduled: a database outage must not kill the schedule. One
 * thread per job, so a sweep of a million guests (minutes) does not hold up event delivery.
 */
final class LifecycleScheduler implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("atrium.lifecycle");
    private final ScheduledExecutorService executor =
            Executors.newScheduledThreadPool(3, Thread.ofVirtual().name("atrium-lifecycle-", 0).factory());

    LifecycleScheduler(AtriumConfig.Lifecycle config, Sweeper sweeper, EventDispatcher dispatcher, EventStore events,
                       Clock clock) {
        if (!config.sweepInterval().isZero()) {
            every(config.sweepInterval(), "sweep", () -> {
                List<SweepReport> reports = sweeper.sweep(SweepRequest.everyApp(config.sweepBatchSize(),
                        config.sweepPause()), d -> Thread.sleep(d.toMillis()));
                reports.stream().filter(r -> r.guests() > 0).forEach(r -> LOG.log(Level.INFO, () ->
                        "swept " + r.guests() + " inactive guests of app " + r.appId() + " in " + r.batches()
                                + " batches, " + r.took().toMillis() + " ms"));
            });
        }
        every(config.eventPoll(), "event delivery", dispatcher::dispatchDue);
        every(Duration.ofHours(1), "event trim", () -> events.trim(clock.instant().minus(config.eventRetention())));
    }

    @FunctionalInterface
    private interface Job {
        void run() throws Exception;
    }

    private void every(Duration period, String name, Job job) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception | Error e) {
                LOG.log(Level.WARNING, name + " failed; next round as scheduled: " + e.getMessage(), e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
