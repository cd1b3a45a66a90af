package dev.atrium.core.events;

import java.time.Instant;

/**
 * One lifecycle event in the outbox (docs/architecture.md, Deletion never touches app data): written in the transaction of the change
 * it reports, delivered at least once, in order per user.
 *
 * @param seq the outbox order; the delivery id is {@code evt_<seq>}
 * @param type {@link #CREATED}, {@link #LINKED} or {@link #DELETED}
 * @param detail the first identity's provider (created), the linked provider (linked), or the
 *     deletion reason (deleted: logout, inactivity, self, admin)
 * @param outcome null while pending; {@code delivered}, or {@code skipped} when the app has no webhook
 */
public record UserEvent(long seq, String appId, String userId, String type, String detail, Instant createdAt,
                        int attempts, Instant nextAttemptAt, Instant finishedAt, String outcome, String lastError) {
    public static final String CREATED = "user.created";
    public static final String LINKED = "user.linked";
    public static final String DELETED = "user.deleted";
    public static final String DELIVERED = "delivered";
    public static final String SKIPPED = "skipped";

    /** The id receivers use to drop duplicates (delivery is at least once). */
    public String deliveryId() {
        return "evt_" + seq;
    }

    /** pending, delivered or skipped. */
    public String state() {
        return outcome == null ? "pending" : outcome;
    }
}
