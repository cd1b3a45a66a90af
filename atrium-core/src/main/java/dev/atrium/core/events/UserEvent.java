package dev.atrium.core.events;

import java.time.Instant;

/**
 * One lifecycle event in the outbox (docs/architecture.md, Deletion never touches app data): written in the transaction of the change
 * it reports, delivered at least once, in order per user.
 *
 * @param seq the outbox order; the delivery id is {@code evt_<seq>}
 * @param userId the user the event is about, by whose events it is ordered; for {@link #MERGED} the
 *     guest merged away (its {@code from})
 * @param type {@link #CREATED}, {@link #LINKED}, {@link #MERGED} or {@link #DELETED}
 * @param detail the first identity's provider (created), the linked provider (linked), the provider
 *     of the identity that proved the merge (merged), or the deletion reason (deleted: logout,
 *     inactivity, self, admin, merged)
 * @param outcome null while pending; {@code delivered}, or {@code skipped} when the app has no webhook
 * @param intoUserId for {@link #MERGED}, the user the guest was merged into (its {@code into}); null otherwise
 * @param conversion whether the event made a guest a lasting user: a guest's first link, and every
 *     merge (the stats count conversions by provider from these, docs/events.md)
 */
public record UserEvent(long seq, String appId, String userId, String type, String detail, Instant createdAt,
                        int attempts, Instant nextAttemptAt, Instant finishedAt, String outcome, String lastError,
                        String intoUserId, boolean conversion) {
    public static final String CREATED = "user.created";
    public static final String LINKED = "user.linked";
    public static final String MERGED = "user.merged";
    public static final String DELETED = "user.deleted";
    public static final String DELIVERED = "delivered";
    public static final String SKIPPED = "skipped";

    /** An event that names no other user and converts no guest. */
    public UserEvent(long seq, String appId, String userId, String type, String detail, Instant createdAt,
                     int attempts, Instant nextAttemptAt, Instant finishedAt, String outcome, String lastError) {
        this(seq, appId, userId, type, detail, createdAt, attempts, nextAttemptAt, finishedAt, outcome, lastError, null, false);
    }

    /** The id receivers use to drop duplicates (delivery is at least once). */
    public String deliveryId() {
        return "evt_" + seq;
    }

    /** pending, delivered or skipped. */
    public String state() {
        return outcome == null ? "pending" : outcome;
    }

    /** This event with another delivery state (attempts, next attempt, finish, outcome, last error). */
    public UserEvent withDelivery(int attempts, Instant nextAttemptAt, Instant finishedAt, String outcome, String lastError) {
        return new UserEvent(seq, appId, userId, type, detail, createdAt, attempts, nextAttemptAt, finishedAt, outcome,
                lastError, intoUserId, conversion);
    }
}
