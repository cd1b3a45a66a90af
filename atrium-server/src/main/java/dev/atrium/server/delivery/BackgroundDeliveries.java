package dev.atrium.server.delivery;

import dev.atrium.core.kernel.AuthException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs token deliveries after their request was answered (so a mail server's latency cannot tell
 * a known address from an unknown one), each on a virtual thread: the work is a lookup and an
 * SMTP or HTTP exchange, mostly waiting. At most {@code capacity} run at once: beyond that a
 * request is refused (ServerBusy) rather than queued without bound. A failure has no one left to
 * answer, so it is logged. {@link #close()} lets running deliveries finish, up to a grace period.
 */
public final class BackgroundDeliveries implements Executor, AutoCloseable {
    private static final System.Logger LOG = System.getLogger("atrium.delivery");
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final Semaphore slots;
    private final ExecutorService threads =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("atrium-delivery-", 0).factory());

    public BackgroundDeliveries(int capacity) {
        this.slots = new Semaphore(capacity);
    }

    /** Starts {@code work} now, or throws RejectedExecutionException when {@code capacity} deliveries are running. */
    @Override
    public void execute(Runnable work) {
        if (!slots.tryAcquire()) {
            throw new RejectedExecutionException("too many deliveries running");
        }
        try {
            threads.execute(() -> {
                try {
                    work.run();
                } catch (AuthException e) {
                    LOG.log(Level.WARNING, () -> "background delivery failed: " + e.code() + ": " + e.getMessage());
                } catch (RuntimeException e) {
                    LOG.log(Level.ERROR, "background delivery failed", e);
                } finally {
                    slots.release();
                }
            });
        } catch (RejectedExecutionException closed) {
            slots.release();
            throw closed;
        }
    }

    @Override
    public void close() {
        close(GRACE);
    }

    /** Takes no new delivery and lets running ones finish for up to {@code grace}; then interrupts them. */
    public void close(Duration grace) {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(Math.max(0, grace.toMillis()), TimeUnit.MILLISECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
