package dev.atrium.server.app;

import java.time.Duration;

/**
 * When {@link NativeHeapTrim} trims: once each time the node has started no request for
 * {@code idle}, counting from the start-up, so once after start-up and once after each burst of
 * traffic. Never while requests keep coming: a trim walks the C heap under glibc's arena locks, and
 * trimming every few seconds under load cost 13 % of throughput (docs/performance.md, RSS idle).
 * Not right at start-up either: what start-up frees reaches the C heap only seconds later (the
 * JVM hands its compilers' spent arena chunks back every 5 s), and a trim at ready released 0–3 MB
 * where one 6 s later released 14–17 MB. Not thread-safe: one checker calls it.
 */
final class IdleTrimPolicy {
    private final long idleNanos;
    private long lastCount;
    private long quietSince;
    private boolean trimmedSinceLastRequest;

    /** Quiet from {@code startNanos} ({@link System#nanoTime()}), with no request started yet. */
    IdleTrimPolicy(Duration idle, long startNanos) {
        this.idleNanos = idle.toNanos();
        this.quietSince = startNanos;
    }

    /**
     * Whether to trim now, given how many requests the node has started so far and a monotonic
     * clock reading ({@link System#nanoTime()}).
     */
    boolean shouldTrim(long requestsSoFar, long nowNanos) {
        if (requestsSoFar != lastCount) {
            lastCount = requestsSoFar;
            quietSince = nowNanos;
            trimmedSinceLastRequest = false;
            return false;
        }
        if (trimmedSinceLastRequest || nowNanos - quietSince < idleNanos) {
            return false;
        }
        trimmedSinceLastRequest = true;
        return true;
    }
}
