package dev.atrium.core.sessions;

import java.util.Optional;

/** Persistence of sessions. */
public interface SessionStore {

    /** Inserts a session for an existing user; throws IllegalStateException if the user is gone. */
    void insert(Session session);

    /**
     * The session of user {@code userId} by id (the refresh token's {@code sub} and {@code sid}, a
     * primary-key lookup on the refresh hot path: the SQL stores key sessions by user, then id, so
     * a user's sessions need no index of their own, docs/stores.md); empty when not found, i.e.
     * revoked, logged out, never issued or another user's.
     */
    Optional<Session> find(String userId, String sessionId);

    /**
     * The session of user {@code userId} by id with its user and the user's identities in order;
     * empty when there is no such session. The refresh route asks this once per request (the auth package's SessionGate),
     * so a backend answers it in one read driven by the session's primary key.
     */
    Optional<SessionWithUser> findWithUser(String userId, String sessionId);

    /** Deletes the session of user {@code userId}; false when it was not there. */
    boolean revoke(String userId, String sessionId);

    /** Deletes every session of the user; returns how many there were. */
    int revokeAll(String appId, String userId);
}
