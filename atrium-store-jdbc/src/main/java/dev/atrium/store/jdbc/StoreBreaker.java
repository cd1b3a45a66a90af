package dev.atrium.store.jdbc;

import dev.atrium.core.kernel.StoreUnavailableException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Fails store calls at once while the database is known to be away, with Resilience4j's circuit
 * breaker: once most of the last calls failed as unavailable (connection refused, pool timeout,
 * shutdown, a failover under way), every call is refused with {@link StoreUnavailableException}
 * (503 with {@code Retry-After}) without waiting for a connection, and a background probe opens
 * a fresh connection every {@link #PROBE_EVERY}; the first that answers closes the breaker.
 * Without it, each request during an outage waited the pool's connect timeout, and under load
 * queued behind others doing the same (6 s for 8 clients).
 *
 * <p>Only unavailability counts: a unique violation or a bug is the caller's answer, not the
 * database's health. Half-open (a few real calls let through) is the fallback should the probe
 * itself be stuck, after {@link #FALLBACK_WAIT}.
 */
final class StoreBreaker implements AutoCloseable {
    static final Duration PROBE_EVERY = Duration.ofMillis(200);
    static final Duration FALLBACK_WAIT = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger("atrium.store");

    private final CircuitBreaker breaker;
    private final BooleanSupplier probe;
    private volatile boolean closed;

    private StoreBreaker(CircuitBreaker breaker, BooleanSupplier probe) {
        this.breaker = breaker;
        this.probe = probe;
        breaker.getEventPublisher().onStateTransition(e -> {
            switch (e.getStateTransition().getToState()) {
                case OPEN -> {
                    LOG.log(System.Logger.Level.WARNING, "store unavailable: answering 503 at once, probing every "
                            + PROBE_EVERY.toMillis() + " ms");
                    Thread.ofVirtual().name("atrium-store-probe").start(this::probeUntilBack);
                }
                case CLOSED -> LOG.log(System.Logger.Level.WARNING, "store available again");
                default -> { }
            }
        });
    }

    /** A breaker whose {@code probe} says whether a fresh connection answers now (false, not throwing). */
    static StoreBreaker probing(String name, BooleanSupplier probe) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50)
                .recordException(e -> e instanceof StoreUnavailableException)
                .waitDurationInOpenState(FALLBACK_WAIT)
                .permittedNumberOfCallsInHalfOpenState(2)
                .build();
        return new StoreBreaker(CircuitBreaker.of(name, config), probe);
    }

    /** A breaker that never opens (SQLite: a file is not away; a busy file is a wait, not an outage). */
    static StoreBreaker never() {
        CircuitBreaker breaker = CircuitBreaker.ofDefaults("never");
        breaker.transitionToDisabledState();
        return new StoreBreaker(breaker, () -> true);
    }

    /** Runs {@code call} unless the store is known to be away; records whether it found the store there. */
    <T> T call(Supplier<T> call) {
        if (!breaker.tryAcquirePermission()) {
            throw new StoreUnavailableException("store unavailable: known to be away, not asked (circuit open)");
        }
        long start = System.nanoTime();
        try {
            T result = call.get();
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (RuntimeException | Error e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        }
    }

    /** Whether calls are refused now (the store was found away and has not answered a probe since). */
    boolean isOpen() {
        CircuitBreaker.State s = breaker.getState();
        return s == CircuitBreaker.State.OPEN || s == CircuitBreaker.State.FORCED_OPEN;
    }

    private void probeUntilBack() {
        while (!closed && isOpen()) {
            try {
                Thread.sleep(PROBE_EVERY);
            } catch (InterruptedException e) {
                return;
            }
            if (!closed && probe.getAsBoolean() && isOpen()) {
                breaker.transitionToClosedState();
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
