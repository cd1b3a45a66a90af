package dev.atrium.core.store.memory;

import dev.atrium.core.sessions.Session;
import dev.atrium.core.sessions.SessionStore;
import dev.atrium.core.sessions.SessionWithUser;
import java.util.Optional;

/** Sessions of the {@link InMemoryStore}; each method one transaction on {@link InMemoryData}. */
record InMemorySessionStore(InMemoryData data, InMemoryUserStore users) implements SessionStore {
    @Override
    public void insert(Session session) {
        synchronized (data) {
            if (!data.users.containsKey(session.userId())) {
                throw new IllegalStateException("user " + session.userId() + " does not exist");
            }
            data.sessions.put(session.id(), session);
        }
    }

    @Override
    public Optional<Session> find(String userId, String sessionId) {
        synchronized (data) {
            return Optional.ofNullable(data.sessions.get(sessionId)).filter(s -> s.userId().equals(userId));
        }
    }

    @Override
    public Optional<SessionWithUser> findWithUser(String userId, String sessionId) {
        synchronized (data) {
            return find(userId, sessionId).flatMap(s -> users.find(s.appId(), s.userId()).map(u -> new SessionWithUser(s, u)));
        }
    }

    @Override
    public boolean revoke(String userId, String sessionId) {
        synchronized (data) {
            return find(userId, sessionId).isPresent() && data.sessions.remove(sessionId) != null;
        }
    }

    @Override
    public int revokeAll(String appId, String userId) {
        synchronized (data) {
            return data.removeSessionsOf(appId, userId);
        }
    }
}
