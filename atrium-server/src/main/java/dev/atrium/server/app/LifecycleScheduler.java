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
 *
 * <p>Stopping is cooperative ({@link #stop}): no new round starts, and a running sweep or
 * delivery pass ends between batches (a pass also between deliveries, handing back what it
 * claimed), never inside a transaction. Interrupting them instead would close their database
 * connections mid-statement.
 */
final class LifecycleScheduler implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("atrium.lifecycle");
    private final ScheduledExecutorService executor =
            Executors.newScheduledThreadPool(3, Thread.ofVirtual().name("atrium-lifecycle-", 0).factory());
    private volatile boolean stopping;

    LifecycleScheduler(AtriumConfig.Lifecycle config, Sweeper sweeper, EventDispatcher dispatcher, EventStore events,
                       Clock clock) {
        if (!config.sweepInterval().isZero()) {
            every(config.sweepInterval(), "sweep", () -> {
                List<SweepReport> reports = sweeper.sweep(SweepRequest.everyApp(config.sweepBatchSize(),
                        config.sweepPause(), config.sweepYield()), d -> Thread.sleep(d.toMillis()), () -> stopping);
                reports.stream().filter(r -> r.guests() > 0).forEach(r -> LOG.log(Level.INFO, () ->
                        "swept " + r.guests() + " inactive guests of app " + r.appId() + " in " + r.batches()
                                + " batches, " + r.took().toMillis() + " ms" + (stopping ? " (stopped: shutting down)" : "")));
            });
        }
        every(config.eventPoll(), "event delivery", () -> dispatcher.dispatchDue(() -> stopping));
        every(Duration.ofHours(1), "event trim", () -> events.trim(clock.instant().minus(config.eventRetention())));
    }

    @FunctionalInterface
    private interface Job {
        void run() throws Exception;
    }

    private void every(Duration period, String name, Job job) {
        executor.scheduleWithFixedDelay(() -> {
            if (stopping) {
                return;
            }
            try {
                job.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception | Error e) {
                LOG.log(Level.WARNING, name + " failed; next round as scheduled: " + e.getMessage(), e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts no new round and asks running ones to end at their next batch; waits up to
     * {@code patience} for them, then interrupts what is left. Whether they ended in time.
     */
    boolean stop(Duration patience) {
        stopping = true;
        executor.shutdown();
        try {
            if (executor.awaitTermination(Math.max(0, patience.toMillis()), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
        return false;
    }

    /** Asks running rounds to end at their next batch, without waiting. */
    void requestStop() {
        stopping = true;
    }

    @Override
    public void close() {
        stopping = true;
        executor.shutdownNow();
    }
}
