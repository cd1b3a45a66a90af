package dev.atrium.core.store.memory;

import dev.atrium.core.apps.MergedGuest;
import dev.atrium.core.events.UserEvent;
import dev.atrium.core.merge.Merge;
import dev.atrium.core.merge.MergeOutcome;
import dev.atrium.core.merge.MergeStore;
import dev.atrium.core.merge.MergeTicket;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.users.DeletionReason;
import dev.atrium.core.users.User;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link MergeStore} in memory: tickets in a map under the store's monitor, so a merge is one
 * atomic step. A ticket whose guest or holder is gone is gone too (JDBC: {@code ON DELETE CASCADE}).
 */
final class InMemoryMergeStore implements MergeStore {
    private final InMemoryData data;
    private final Map<String, MergeTicket> tickets = new HashMap<>();

    InMemoryMergeStore(InMemoryData data) {
        this.data = data;
    }

    @Override
    public void insert(MergeTicket ticket) {
        synchronized (data) {
            if (!data.users.containsKey(ticket.guestId()) || !data.users.containsKey(ticket.holderId())) {
                throw new IllegalStateException("the ticket's users must exist");
            }
            if (tickets.putIfAbsent(ticket.hash(), ticket) != null) {
                throw new IllegalStateException("merge ticket exists");
            }
        }
    }

    @Override
    public Optional<MergeTicket> find(String appId, String hash, Instant now) {
        synchronized (data) {
            return Optional.ofNullable(tickets.get(hash)).filter(t -> live(t, now) && t.appId().equals(appId));
        }
    }

    @Override
    public MergeOutcome merge(Merge m) {
        MergeTicket t = m.ticket();
        synchronized (data) {
            User guest = data.users.get(t.guestId());
            Session session = data.sessions.get(m.guestSessionId());
            if (guest == null || session == null || !session.userId().equals(guest.id()) || session.isExpired(m.at())) {
                return MergeOutcome.SESSION_ENDED;
            }
            if (!guest.isAnonymous()) {
                return MergeOutcome.NOT_A_GUEST;
            }
            User holder = data.users.get(t.holderId());
            if (holder == null || holder.disabled()) {
                return MergeOutcome.HOLDER_UNAVAILABLE;
            }
            MergeTicket stored = tickets.get(t.hash());
            if (stored == null || !stored.equals(t) || !live(stored, m.at())) {
                return MergeOutcome.TICKET_GONE;
            }
            tickets.remove(t.hash());
            data.sessions.put(m.holderSession().id(), m.holderSession());
            data.addEvent(t.appId(), guest.id(), UserEvent.MERGED, t.providerType(), m.at(), holder.id(), true);
            if (m.fate() == MergedGuest.DELETE) {
                data.removeUser(guest);
                data.addEvent(t.appId(), guest.id(), UserEvent.DELETED, DeletionReason.MERGED.wire(), m.at());
            } else {
                data.removeSessionsOf(t.appId(), guest.id());
            }
            return MergeOutcome.MERGED;
        }
    }

    @Override
    public int deleteExpired(Instant now, int limit) {
        synchronized (data) {
            List<String> expired = tickets.values().stream().filter(t -> !t.expiresAt().isAfter(now))
                    .sorted(Comparator.comparing(MergeTicket::expiresAt)).limit(limit).map(MergeTicket::hash).toList();
            expired.forEach(tickets::remove);
            return expired.size();
        }
    }

    /** Unexpired at {@code now}, and both its users still there. */
    private boolean live(MergeTicket t, Instant now) {
        return t.expiresAt().isAfter(now) && data.users.containsKey(t.guestId()) && data.users.containsKey(t.holderId());
    }
}
