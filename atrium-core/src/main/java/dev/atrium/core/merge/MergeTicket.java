package dev.atrium.core.merge;

import java.time.Instant;
import java.util.Objects;

/**
 * A guest's right to be merged into the user that holds an identity it proved it owns: bound to
 * both users, good once, until {@code expiresAt}. Stored by its hash only (the ticket itself is
 * sent to the guest once, in the refused link's 409).
 *
 * @param hash the SHA-256 of the ticket ({@code Secrets.hash})
 * @param guestId the guest the refused link came from: the only user that may spend it
 * @param holderId the user holding the identity: the one the guest becomes
 * @param providerType the provider of that identity (what the merge is counted under in the stats)
 */
public record MergeTicket(String hash, String appId, String guestId, String holderId, String providerType,
                          Instant createdAt, Instant expiresAt) {
    public MergeTicket {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(guestId, "guestId");
        Objects.requireNonNull(holderId, "holderId");
        Objects.requireNonNull(providerType, "providerType");
        if (guestId.equals(holderId)) {
            throw new IllegalArgumentException("a user is never merged into itself");
        }
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a ticket expires after it is made");
        }
    }
}
