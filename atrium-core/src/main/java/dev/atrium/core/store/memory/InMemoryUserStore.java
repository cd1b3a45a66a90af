package dev.atrium.core.store.memory;

import dev.atrium.core.sessions.Session;
import dev.atrium.core.users.DeletionReason;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserStore;
import java.time.Instant;
import java.util.Optional;

/** {@link UserStore} over {@link InMemoryData}. */
public final class InMemoryUserStore implements UserStore {
    private final InMemoryData data;

    InMemoryUserStore(InMemoryData data) {
        this.data = data;
    }

    @Override
    public Optional<User> find(String appId, String userId) {
        synchronized (data) {
            User u = data.users.get(userId);
            return u != null && u.appId().equals(appId) ? Optional.of(u) : Optional.empty();
        }
    }

    @Override
    public Optional<User> findInSession(String appId, String userId, String sessionId, Instant now) {
        synchronized (data) {
            Session s = data.sessions.get(sessionId);
            if (s == null || !s.userId().equals(userId) || !s.appId().equals(appId) || s.isExpired(now)) {
                return Optional.empty();
            }
            return find(appId, userId);
        }
    }

    @Override
    public Optional<User> findByIdentity(String appId, String providerType, String subject) {
        synchronized (data) {
            String userId = data.identities.get(InMemoryData.identityKey(appId, providerType, subject));
            return userId == null ? Optional.empty() : Optional.ofNullable(data.users.get(userId));
        }
    }

    @Override
    public boolean delete(String appId, String userId, DeletionReason reason, Instant at) {
        synchronized (data) {
            Optional<User> user = find(appId, userId);
            user.ifPresent(u -> {
                data.removeUser(u);
                data.addEvent(appId, userId, dev.atrium.core.events.UserEvent.DELETED, reason.wire(), at);
            });
            return user.isPresent();
        }
    }

    @Override
    public boolean recordActivity(String appId, String userId, Instant at, Instant notAfter) {
        synchronized (data) {
            User u = find(appId, userId).orElse(null);
            if (u == null || u.lastActiveAt().isAfter(notAfter)) {
                return false;
            }
            data.users.put(u.id(), new User(u.id(), u.appId(), u.type(), u.disabled(), u.createdAt(), at,
                    u.customData(), u.identities()));
            return true;
        }
    }

    @Override
    public boolean setDisabled(String appId, String userId, boolean disabled) {
        synchronized (data) {
            User u = find(appId, userId).orElse(null);
            if (u == null) {
                return false;
            }
            data.users.put(u.id(), new User(u.id(), u.appId(), u.type(), disabled, u.createdAt(), u.lastActiveAt(),
                    u.customData(), u.identities()));
            return true;
        }
    }
}
