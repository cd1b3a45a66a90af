package dev.atrium.core.lifecycle;

import java.time.Instant;
import java.util.List;

/** The sweeper's queries: guests (only an anon-user identity) inactive since before a cutoff. */
public interface SweepStore {

    /**
     * Deletes up to {@code limit} of the app's guests whose {@code last_active_at} is before
     * {@code cutoff}, with their identities, sessions and API keys, and writes a {@code user.deleted}
     * (reason inactivity) event for each, in one transaction. Safe when several nodes run it at
     * once (each guest is deleted once); a guest whose activity is written concurrently is never
     * deleted. Returns how many were deleted (0 when none).
     */
    int deleteInactiveGuests(String appId, Instant cutoff, int limit, Instant at);

    /** How many of the app's guests are inactive since before {@code cutoff}. */
    long countInactiveGuests(String appId, Instant cutoff);

    /** Up to {@code limit} ids of such guests, least recently active first; empty when none. */
    List<String> inactiveGuests(String appId, Instant cutoff, int limit);
}
