package dev.atrium.core.merge;

import java.time.Instant;
import java.util.Optional;

/** Merge tickets, and the merge itself as one write (docs/client-api.md, Merging a guest). */
public interface MergeStore {

    /** Stores a new ticket. */
    void insert(MergeTicket ticket);

    /** The app's ticket of hash {@code hash} when it is unspent and unexpired at {@code now}; empty otherwise. */
    Optional<MergeTicket> find(String appId, String hash, Instant now);

    /**
     * In one transaction, after checking that the ticket is unspent and unexpired at
     * {@code m.at()}, bound to the same guest and holder, that the guest still exists, is a guest
     * (its only identity anonymous) and still has the session {@code m.guestSessionId()} alive,
     * and that the holder exists and is enabled: spends the ticket, inserts the holder's new
     * session, writes {@code user.merged} (the guest's event, naming the holder, a conversion of
     * the ticket's provider), then deletes the guest with its identities, sessions and credentials
     * and writes its {@code user.deleted} (reason {@code merged}) when {@code m.fate()} is
     * {@code DELETE}, or ends every session of the guest when it is {@code KEEP}. Of merges and
     * deletions racing on one guest or one ticket, one wins and the others find it gone. Any
     * outcome but {@link MergeOutcome#MERGED} wrote nothing.
     */
    MergeOutcome merge(Merge m);

    /** Deletes up to {@code limit} tickets expired at {@code now}; returns how many. */
    int deleteExpired(Instant now, int limit);
}
