package dev.atrium.core.events;

import java.time.Instant;
import java.util.List;

/** The outbox of lifecycle events (written by the stores of the changes themselves). */
public interface EventStore {

    /** The most recent events, newest first, of one app or of all ({@code appId} null); empty when none. */
    default List<UserEvent> recent(String appId, int limit) {
        return recent(appId, EventFilter.ANY, limit);
    }

    /** The most recent events matching {@code filter}, newest first, of one app or of all ({@code appId} null); empty when none. */
    List<UserEvent> recent(String appId, EventFilter filter, int limit);

    /**
     * Makes every failed event of the app (pending, at least one failed attempt) due at {@code now}
     * instead of at its backoff's end, so the next delivery pass retries it; its attempts and last
     * error stay. Returns how many were waiting; 0 when none.
     */
    int retryFailed(String appId, Instant now);

    /** The app's failed events waiting for a retry: their number and the newest; {@link FailingDeliveries#NONE} when none. */
    FailingDeliveries failing(String appId);

    /**
     * Claims up to {@code limit} events of the app to deliver: pending, due, not leased by another
     * node, and each the oldest pending event of its user (so a user's events go out in order).
     * They stay leased until {@code leaseUntil}; safe when several nodes claim at once. Empty when none.
     */
    List<UserEvent> claim(String appId, Instant now, Instant leaseUntil, int limit);

    /**
     * Finishes as {@code skipped}, at {@code now}, up to {@code limit} pending, due, unleased events
     * of an app that has no webhook (nothing to deliver, so neither order nor claim matters); one
     * statement, so the outbox keeps up with sign-ups. Returns how many; 0 when none.
     */
    int skipDue(String appId, Instant now, int limit);

    /** Finishes the event with {@code outcome} (delivered or skipped); false when not found. */
    boolean finish(long seq, String outcome, Instant at);

    /** Records a failed attempt of a pending event and when to try again; false when not found or already finished. */
    boolean retryLater(long seq, int attempts, Instant nextAttemptAt, String error);

    /**
     * Deletes every event created before {@code before} (finished or not: a pending one that old is
     * given up) and every finished event finished before it; returns how many.
     */
    int trim(Instant before);
}
