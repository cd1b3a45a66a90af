package dev.atrium.server.app;

import dev.atrium.server.delivery.BackgroundDeliveries;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A graceful stop, in the order that loses nothing: readiness 503 and the background work told to
 * stop at its next batch; serving on for the delay; closing the listener and giving requests in
 * flight the grace period; then background work and deliveries after their answer, within what is
 * left of the grace period (at least a second); then the rest. Outbox events are never lost on
 * the way: one leaves the outbox only when its delivery succeeded, and claimed events not yet
 * attempted are handed back.
 */
final class Drain {
    private static final System.Logger LOG = System.getLogger("atrium.shutdown");
    private static final Duration AT_LEAST = Duration.ofSeconds(1);

    private final Runnable closeRest;
    private final Listeners listeners;
    private final LifecycleScheduler lifecycle;
    private final BackgroundDeliveries deliveries;
    private final AtomicBoolean closed;

    Drain(Runnable closeRest, Listeners listeners, LifecycleScheduler lifecycle, BackgroundDeliveries deliveries,
          AtomicBoolean closed) {
        this.closeRest = closeRest;
        this.listeners = listeners;
        this.lifecycle = lifecycle;
        this.deliveries = deliveries;
        this.closed = closed;
    }

    void run(String cause, Duration grace, Duration delay) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long t0 = System.nanoTime();
        int atStart = listeners.state().inFlight();
        listeners.state().drain();
        lifecycle.requestStop();
        LOG.log(Level.INFO, "shutdown started (" + cause + "): /health/ready answers 503, " + requests(atStart)
                + " in flight; " + (delay.isZero() ? "" : "serving " + delay.toMillis() + " ms more, then ") + "closing the "
                + "listener and giving requests in flight up to " + grace.toMillis() + " ms");
        sleep(delay);
        int atClose = listeners.state().inFlight();
        long closing = System.nanoTime();
        listeners.stopPublic();
        int cut = listeners.state().inFlight();
        Duration left = grace.minusNanos(System.nanoTime() - closing);
        Duration patience = left.compareTo(AT_LEAST) < 0 ? AT_LEAST : left;
        boolean background = lifecycle.stop(patience);
        deliveries.close(patience);
        listeners.stopManagement();
        closeRest.run();
        LOG.log(cut > 0 || !background ? Level.WARNING : Level.INFO, "shutdown complete in "
                + (System.nanoTime() - t0) / 1_000_000 + " ms: " + (atClose - cut) + " of " + requests(atClose)
                + " in flight at close finished" + (cut > 0 ? ", " + cut + " cut after the grace period" : "")
                + "; sweeper and event delivery " + (background ? "stopped between batches" : "interrupted (a batch outlasted the grace period; its transaction rolled back)"));
    }

    private static String requests(int n) {
        return n + (n == 1 ? " request" : " requests");
    }

    private static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
