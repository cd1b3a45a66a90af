package dev.atrium.core.lifecycle;

/**
 * What the sweeper sees of the work it must not slow down: how many requests the server has begun
 * so far (a count that only grows). Between two batches, a change means the server is serving, and
 * the sweeper yields (docs/performance.md, Logins while the sweeper runs).
 */
@FunctionalInterface
public interface Foreground {
    /** A process that serves no requests ({@code atrium sweep}, the bench's idle sweep): never yields. */
    Foreground NONE = () -> 0;

    long requestsBegun();
}
