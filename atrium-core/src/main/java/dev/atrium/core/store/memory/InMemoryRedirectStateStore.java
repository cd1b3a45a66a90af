package dev.atrium.core.store.memory;

import dev.atrium.core.redirect.RedirectState;
import dev.atrium.core.redirect.RedirectStateStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link RedirectStateStore} in memory: a map under the store's monitor, so a take is atomic. */
final class InMemoryRedirectStateStore implements RedirectStateStore {
    private final InMemoryData data;
    private final Map<String, RedirectState> states = new HashMap<>();

    InMemoryRedirectStateStore(InMemoryData data) {
        this.data = data;
    }

    @Override
    public void insert(RedirectState state) {
        synchronized (data) {
            if (!data.apps.containsKey(state.appId())) {
                throw new IllegalStateException("app " + state.appId() + " does not exist");
            }
            if (states.putIfAbsent(state.id(), state) != null) {
                throw new IllegalStateException("redirect state exists");
            }
        }
    }

    @Override
    public Optional<RedirectState> take(String id, Instant now) {
        synchronized (data) {
            return Optional.ofNullable(states.remove(id)).filter(s -> s.expiresAt().isAfter(now));
        }
    }

    @Override
    public int deleteExpired(Instant now, int limit) {
        synchronized (data) {
            List<String> expired = states.values().stream().filter(s -> !s.expiresAt().isAfter(now))
                    .sorted(Comparator.comparing(RedirectState::expiresAt)).limit(limit).map(RedirectState::id).toList();
            expired.forEach(states::remove);
            return expired.size();
        }
    }
}
