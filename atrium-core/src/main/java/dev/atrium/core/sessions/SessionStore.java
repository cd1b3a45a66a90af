package dev.atrium.core.sessions;

import java.util.Optional;

/** Persistence of sessions. */
public interface SessionStore {

    /** Inserts a session for an existing user; throws IllegalStateException if the user is gone. */
    void insert(Session session);

    /**
     * The session by id (the refresh token's {@code sid}, a primary-key lookup on the refresh hot
     * path); empty when not found, i.e. revoked, logged out or never issued.
     */
    Optional<Session> find(String sessionId);

    /**
     * The session by id with its user and the user's identities in order; empty when there is no
     * such session. The refresh route asks this once per request (the auth package's SessionGate),
     * so a backend answers it in one read driven by the session's primary key.
     */
    Optional<SessionWithUser> findWithUser(String sessionId);

    /** Deletes the session; false when it was not there. */
    boolean revoke(String sessionId);

    /** Deletes every session of the user; returns how many there were. */
    int revokeAll(String appId, String userId);
}
