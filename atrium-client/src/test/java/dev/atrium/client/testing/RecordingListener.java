package dev.atrium.client.testing;

import dev.atrium.client.AuthStateChange;
import dev.atrium.client.AuthStateListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * An auth-state listener that keeps what it hears, as {@code "LoggedIn(<id>)"} strings, and
 * notices if it is ever called by two threads at once.
 */
public final class RecordingListener implements AuthStateListener {
    private final List<AuthStateChange> heard = new ArrayList<>();
    private final AtomicInteger inside = new AtomicInteger();
    private volatile int mostAtOnce;

    @Override
    public void onAuthStateChange(AuthStateChange change) {
        int now = inside.incrementAndGet();
        mostAtOnce = Math.max(mostAtOnce, now);
        try {
            Thread.sleep(1); // widens the window in which a second delivery could overlap
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (heard) {
            heard.add(change);
            heard.notifyAll();
        }
        inside.decrementAndGet();
    }

    /** Waits until {@code n} changes were heard (at most 10 s) and returns them all, as strings. */
    public List<String> await(int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        synchronized (heard) {
            while (heard.size() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("heard " + heard + ", expected " + n + " changes");
                }
                try {
                    heard.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            return heard.stream().map(AuthStateChange::toString).collect(Collectors.toList());
        }
    }

    /** Waits for {@code n} changes, then a little longer, and returns everything heard (to prove nothing more came). */
    public List<String> awaitExactly(int n) {
        await(n);
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return await(n);
    }

    /** The most deliveries that ever ran at the same time. */
    public int mostAtOnce() {
        return mostAtOnce;
    }
}
