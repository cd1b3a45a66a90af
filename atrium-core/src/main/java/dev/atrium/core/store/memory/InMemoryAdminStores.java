package dev.atrium.core.store.memory;

import dev.atrium.core.admin.ServerKeyStore;
import dev.atrium.core.admin.StatsStore;
import dev.atrium.core.admin.UserCursor;
import dev.atrium.core.admin.UserFilter;
import dev.atrium.core.admin.UserQueryStore;
import dev.atrium.core.admin.UserSearch;
import dev.atrium.core.admin.UserSort;
import dev.atrium.core.auth.apikey.ApiKey;
import dev.atrium.core.events.UserEvent;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserType;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The admin-facing stores over {@link InMemoryData}; every method holds the data's monitor. */
final class InMemoryAdminStores implements UserQueryStore, StatsStore, ServerKeyStore {
    private final InMemoryData data;

    InMemoryAdminStores(InMemoryData data) {
        this.data = data;
    }

    @Override
    public List<User> list(String appId, UserFilter f, UserSort sort, UserCursor after, int limit) {
        Comparator<User> order = sort.byActivity()
                ? Comparator.comparing(User::lastActiveAt).thenComparing(User::id) : Comparator.comparing(User::id);
        Comparator<User> directed = sort.descending() ? order.reversed() : order;
        synchronized (data) {
            return data.users.values().stream().filter(u -> u.appId().equals(appId) && matches(u, f))
                    .filter(u -> after == null || directed.compare(u, position(after)) > 0)
                    .sorted(directed).limit(limit).toList();
        }
    }

    /** A stand-in user at the cursor's place in the order (only its id and activity are compared). */
    private static User position(UserCursor c) {
        return new User(c.id(), "", UserType.NORMAL, false, Instant.EPOCH, c.lastActiveAt() == null ? Instant.EPOCH : c.lastActiveAt(),
                Map.of(), List.of());
    }

    @Override
    public long count(String appId, UserFilter f) {
        synchronized (data) {
            return data.users.values().stream().filter(u -> u.appId().equals(appId) && matches(u, f)).count();
        }
    }

    @Override
    public List<Session> sessions(String appId, String userId) {
        synchronized (data) {
            return data.sessions.values().stream().filter(s -> s.appId().equals(appId) && s.userId().equals(userId))
                    .sorted(Comparator.comparing(Session::createdAt).thenComparing(Session::id).reversed()).toList();
        }
    }

    private static boolean matches(User u, UserFilter f) {
        return (f.kind() == null || u.isAnonymous() == f.kind().equals("anonymous"))
                && (f.disabled() == null || u.disabled() == f.disabled())
                && (f.provider() == null || u.providerTypes().contains(f.provider()))
                && (f.inactiveSince() == null || u.lastActiveAt().isBefore(f.inactiveSince()))
                && (f.createdAfter() == null || !u.createdAt().isBefore(f.createdAfter()))
                && (f.createdBefore() == null || u.createdAt().isBefore(f.createdBefore()))
                && (f.search() == null || found(u, f.search()));
    }

    private static boolean found(User u, UserSearch search) {
        return switch (search) {
            case UserSearch.ById id -> u.id().equals(id.userId());
            case UserSearch.ByEmailPrefix p -> u.identities().stream()
                    .anyMatch(i -> i.providerData().get("email") instanceof String email && p.matches(email));
        };
    }

    @Override
    public UserCounts countUsers(String appId) {
        synchronized (data) {
            List<User> normal = data.users.values().stream().filter(u -> u.appId().equals(appId) && u.type() == UserType.NORMAL).toList();
            long anonymous = normal.stream().filter(User::isAnonymous).count();
            return new UserCounts(normal.size(), anonymous, normal.size() - anonymous, normal.stream().filter(User::disabled).count());
        }
    }

    @Override
    public List<HourCount> eventsPerHour(String appId, Instant since) {
        synchronized (data) {
            Map<HourCount, Long> counts = new java.util.HashMap<>();
            for (UserEvent e : data.events) {
                if (e.appId().equals(appId) && !e.createdAt().isBefore(since)) {
                    Instant hour = Instant.ofEpochMilli(e.createdAt().toEpochMilli() / 3_600_000L * 3_600_000L);
                    counts.merge(new HourCount(hour, e.type(), e.detail(), e.conversion(), 0), 1L, Long::sum);
                }
            }
            return counts.entrySet().stream()
                    .map(en -> new HourCount(en.getKey().hour(), en.getKey().type(), en.getKey().detail(),
                            en.getKey().conversion(), en.getValue()))
                    .sorted(Comparator.comparing(HourCount::hour)).toList();
        }
    }

    @Override
    public void create(User serverUser, ApiKey key) {
        synchronized (data) {
            data.putUser(serverUser);
            data.apiKeys.byId.put(key.id(), key);
            data.addEvent(serverUser.appId(), serverUser.id(), UserEvent.CREATED,
                    serverUser.identities().get(0).providerType(), serverUser.createdAt());
        }
    }

    @Override
    public List<ApiKey> list(String appId) {
        synchronized (data) {
            return data.apiKeys.byId.values().stream().filter(k -> k.appId().equals(appId) && isServer(k))
                    .sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id)).toList();
        }
    }

    @Override
    public boolean delete(String appId, String keyId, Instant at) {
        synchronized (data) {
            ApiKey key = data.apiKeys.byId.get(keyId);
            if (key == null || !key.appId().equals(appId) || !isServer(key)) {
                return false;
            }
            data.removeUser(data.users.get(key.userId()));
            data.addEvent(appId, key.userId(), UserEvent.DELETED, "admin", at);
            return true;
        }
    }

    private boolean isServer(ApiKey k) {
        User u = data.users.get(k.userId());
        return u != null && u.type() == UserType.SERVER;
    }
}
