package dev.atrium.core.store.memory;

import dev.atrium.core.lifecycle.SweepStore;
import dev.atrium.core.users.DeletionReason;
import dev.atrium.core.users.User;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** {@link SweepStore} over {@link InMemoryData}: one monitor makes every batch atomic. */
final class InMemorySweepStore implements SweepStore {
    private final InMemoryData data;
    private final InMemoryUserStore users;

    InMemorySweepStore(InMemoryData data, InMemoryUserStore users) {
        this.data = data;
        this.users = users;
    }

    @Override
    public int deleteInactiveGuests(String appId, Instant cutoff, int limit, Instant at) {
        synchronized (data) {
            List<String> victims = inactiveGuests(appId, cutoff, limit);
            victims.forEach(id -> users.delete(appId, id, DeletionReason.INACTIVITY, at));
            return victims.size();
        }
    }

    @Override
    public long countInactiveGuests(String appId, Instant cutoff) {
        synchronized (data) {
            return guests(appId, cutoff).count();
        }
    }

    @Override
    public List<String> inactiveGuests(String appId, Instant cutoff, int limit) {
        synchronized (data) {
            return guests(appId, cutoff).sorted(Comparator.comparing(User::lastActiveAt)).limit(limit).map(User::id).toList();
        }
    }

    private java.util.stream.Stream<User> guests(String appId, Instant cutoff) {
        return data.users.values().stream()
                .filter(u -> u.appId().equals(appId) && u.isAnonymous() && u.lastActiveAt().isBefore(cutoff));
    }
}
