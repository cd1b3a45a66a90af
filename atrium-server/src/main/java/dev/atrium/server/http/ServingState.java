package dev.atrium.server.http;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Whether the node is draining, and how many requests it is serving. Once {@link #drain} is called
 * {@code /health/ready} answers 503 (balancers stop sending) and every answer carries
 * {@code Connection: close}, so a keep-alive client does not keep a connection to a node that is
 * leaving.
 */
public final class ServingState {
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder started = new LongAdder();
    private volatile boolean draining;

    /** Readiness goes 503 and connections close after their current answer; there is no way back. */
    public void drain() {
        draining = true;
    }

    public boolean draining() {
        return draining;
    }

    /** Requests being served now (routed ones: a connection idle between requests is not one). */
    public int inFlight() {
        return inFlight.get();
    }

    /** Requests started since the node did (routed ones), to tell an idle node from a busy one. */
    public long startedSoFar() {
        return started.sum();
    }

    void started() {
        started.increment();
        inFlight.incrementAndGet();
    }

    void finished() {
        inFlight.decrementAndGet();
    }
}
