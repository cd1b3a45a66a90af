package dev.atrium.core.auth.password;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.RetryLaterException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs CPU-bound hashing on platform threads of its own, at most {@code threads} at once, and
 * refuses a caller that waited {@code queueTimeout} for a turn (ServerBusy, 503, Retry-After).
 *
 * <p>Why not on the caller's thread: requests run on virtual threads, and a virtual thread that
 * computes for tens of milliseconds holds its carrier the whole time (it never parks). With as
 * many carriers as cores, a handful of Argon2 computations would starve every other request,
 * {@code /health/live} and guest logins included. Here the caller parks (on the semaphore, then on
 * the result), freeing its carrier, and the operating system shares the cores between the
 * carriers and these threads. The cap also bounds Argon2's memory (threads × its memory cost).
 */
final class HashingPool implements AutoCloseable {
    private final Semaphore turns;
    private final ExecutorService threads;
    private final Duration queueTimeout;
    private final LongAdder computations = new LongAdder();
    private final LongAdder refusals = new LongAdder();

    HashingPool(int threads, Duration queueTimeout) {
        this.turns = new Semaphore(threads, true); // fair: the longest waiter goes first, the deadline is honest
        this.threads = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name("atrium-argon2-", 0).factory());
        this.queueTimeout = queueTimeout;
    }

    /** Runs {@code work} when a thread is free within the queue timeout, else throws ServerBusy. */
    <T> T run(Callable<T> work) {
        boolean acquired;
        try {
            acquired = turns.tryAcquire(queueTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        if (!acquired) {
            refusals.increment();
            throw busy();
        }
        try {
            computations.increment();
            return threads.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("password hashing failed", e.getCause());
        } finally {
            turns.release();
        }
    }

    /** Hash computations started since start (metrics, tests). */
    long computations() {
        return computations.sum();
    }

    /** Callers refused because no thread was free in time (metrics). */
    long refusals() {
        return refusals.sum();
    }

    private static RetryLaterException busy() {
        return new RetryLaterException(ErrorCode.ServerBusy, "the server is busy checking passwords; retry later",
                Duration.ofSeconds(1));
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
