package dev.atrium.core.users;

import java.time.Instant;
import java.util.Optional;

/** Persistence of users and their identities. */
public interface UserStore {

    /** The user with its identities in order; empty when not found in that app. */
    Optional<User> find(String appId, String userId);

    /**
     * The user of a live session: the user with its identities, only while session
     * {@code sessionId} of that user in that app exists and is unexpired at {@code now}; empty
     * otherwise (logged out, revoked, expired, reset, user deleted). The disabled flag comes with
     * the user. Every access-token request asks this once (the auth package's SessionGate), so a
     * backend answers it in one read driven by the session's primary key.
     */
    Optional<User> findInSession(String appId, String userId, String sessionId, Instant now);

    /** The user holding identity (provider, subject) in the app; empty when no one holds it. */
    Optional<User> findByIdentity(String appId, String providerType, String subject);

    /**
     * Deletes the user, its identities, sessions and API keys and the e-mail/password account its
     * {@code local-userpass} identity names (with its pending confirmation and reset tokens), so
     * its credentials no longer log anyone in (to come back, the person signs up again), and writes its {@code user.deleted}
     * event (with {@code reason}, at {@code at}), in one transaction; false when not found
     * (already deleted): a second delete changes nothing.
     */
    boolean delete(String appId, String userId, DeletionReason reason, Instant at);

    /**
     * Sets {@code last_active_at = at} only if the stored value is not newer than {@code notAfter}, so
     * at most one write per granularity period; false when not written or the user is not found.
     */
    boolean recordActivity(String appId, String userId, Instant at, Instant notAfter);

    /** Sets the disabled flag; false when the user is not found. */
    boolean setDisabled(String appId, String userId, boolean disabled);
}
