package dev.atrium.core.store.memory;

import dev.atrium.core.events.EventFilter;
import dev.atrium.core.events.EventStore;
import dev.atrium.core.events.FailingDeliveries;
import dev.atrium.core.events.UserEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link EventStore} over {@link InMemoryData}; leases are kept beside the events. */
final class InMemoryEventStore implements EventStore {
    private final InMemoryData data;
    private final Map<Long, Instant> leases = new HashMap<>();

    InMemoryEventStore(InMemoryData data) {
        this.data = data;
    }

    @Override
    public List<UserEvent> recent(String appId, EventFilter filter, int limit) {
        synchronized (data) {
            List<UserEvent> out = new ArrayList<>();
            for (int i = data.events.size() - 1; i >= 0 && out.size() < limit; i--) {
                UserEvent e = data.events.get(i);
                if ((appId == null || e.appId().equals(appId)) && filter.matches(e)) {
                    out.add(e);
                }
            }
            return out;
        }
    }

    @Override
    public List<UserEvent> claim(String appId, Instant now, Instant leaseUntil, int limit) {
        synchronized (data) {
            Set<String> seen = new java.util.HashSet<>();
            List<UserEvent> out = new ArrayList<>();
            for (UserEvent e : data.events) {
                if (!e.appId().equals(appId) || e.finishedAt() != null || !seen.add(e.userId())) {
                    continue; // only the oldest pending event of each user is a candidate
                }
                Instant lease = leases.get(e.seq());
                if (!e.nextAttemptAt().isAfter(now) && (lease == null || !lease.isAfter(now)) && out.size() < limit) {
                    leases.put(e.seq(), leaseUntil);
                    out.add(e);
                }
            }
            return out;
        }
    }

    @Override
    public int skipDue(String appId, Instant now, int limit) {
        synchronized (data) {
            int skipped = 0;
            for (int i = 0; i < data.events.size() && skipped < limit; i++) {
                UserEvent e = data.events.get(i);
                Instant lease = leases.get(e.seq());
                if (e.appId().equals(appId) && e.finishedAt() == null && !e.nextAttemptAt().isAfter(now)
                        && (lease == null || !lease.isAfter(now))) {
                    data.events.set(i, e.withDelivery(e.attempts(), e.nextAttemptAt(), now, UserEvent.SKIPPED, e.lastError()));
                    leases.remove(e.seq());
                    skipped++;
                }
            }
            return skipped;
        }
    }

    @Override
    public boolean finish(long seq, String outcome, Instant at) {
        return replace(seq, e -> e.withDelivery(e.attempts(), e.nextAttemptAt(), at, outcome, e.lastError()));
    }

    @Override
    public boolean retryLater(long seq, int attempts, Instant nextAttemptAt, String error) {
        synchronized (data) {
            if (data.events.stream().anyMatch(e -> e.seq() == seq && e.finishedAt() != null)) {
                return false;
            }
        }
        return replace(seq, e -> e.withDelivery(attempts, nextAttemptAt, null, null, error));
    }

    @Override
    public int retryFailed(String appId, Instant now) {
        synchronized (data) {
            int n = 0;
            for (int i = 0; i < data.events.size(); i++) {
                UserEvent e = data.events.get(i);
                if (e.appId().equals(appId) && e.finishedAt() == null && e.attempts() > 0) {
                    Instant due = e.nextAttemptAt().isAfter(now) ? now : e.nextAttemptAt();
                    data.events.set(i, e.withDelivery(e.attempts(), due, null, null, e.lastError()));
                    n++;
                }
            }
            return n;
        }
    }

    @Override
    public FailingDeliveries failing(String appId) {
        synchronized (data) {
            List<UserEvent> failed = data.events.stream()
                    .filter(e -> e.appId().equals(appId) && e.finishedAt() == null && e.attempts() > 0).toList();
            return failed.isEmpty() ? FailingDeliveries.NONE : new FailingDeliveries(failed.size(), failed.getLast());
        }
    }

    @Override
    public int trim(Instant before) {
        synchronized (data) {
            int size = data.events.size();
            data.events.removeIf(e -> e.finishedAt() != null && e.finishedAt().isBefore(before)
                    || e.createdAt().isBefore(before));
            Set<Long> live = data.events.stream().map(UserEvent::seq).collect(Collectors.toSet());
            leases.keySet().retainAll(live);
            return size - data.events.size();
        }
    }

    private boolean replace(long seq, java.util.function.UnaryOperator<UserEvent> change) {
        synchronized (data) {
            for (int i = 0; i < data.events.size(); i++) {
                if (data.events.get(i).seq() == seq) {
                    data.events.set(i, change.apply(data.events.get(i)));
                    leases.remove(seq);
                    return true;
                }
            }
            return false;
        }
    }
}
