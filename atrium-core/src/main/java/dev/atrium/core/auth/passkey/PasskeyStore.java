package dev.atrium.core.auth.passkey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of passkeys and of the challenges of ceremonies under way, shared by every node (the
 * options may come from one node and the answer go to another). A user's passkeys go with it when
 * it is deleted, and everything goes with its app.
 */
public interface PasskeyStore {

    /** Stores {@code challenge}; IllegalStateException when its app does not exist or its id is taken. */
    void insertChallenge(PasskeyChallenge challenge);

    /**
     * Removes the challenge with {@code id} and answers it if it had not expired at {@code now};
     * empty when there is none (never issued, taken already) or it has expired. Of concurrent takes
     * of one challenge, exactly one gets it.
     */
    Optional<PasskeyChallenge> takeChallenge(String id, Instant now);

    /** Deletes up to {@code limit} challenges that expired before {@code now}, oldest first; answers how many. */
    int deleteExpiredChallenges(Instant now, int limit);

    /**
     * Stores {@code credential}; false (nothing written) when the app already has a passkey with
     * its credential id, whoever holds it. IllegalStateException when its user does not exist.
     */
    boolean insertCredential(PasskeyCredential credential);

    /** The app's passkey whose authenticator credential id is {@code credentialId}; empty when none. */
    Optional<PasskeyCredential> findByCredentialId(String appId, String credentialId);

    /** The user's passkeys, oldest first; empty when none. */
    List<PasskeyCredential> list(String appId, String userId);

    /**
     * Records a login with the passkey {@code id}: its new counter, backup state and last use, only
     * if its counter is still {@code expectedCount} (compare and set: of two logins that read the
     * same counter, one wins). False when it changed, or the passkey is gone.
     */
    boolean recordUse(String appId, String id, long expectedCount, long newCount, boolean backedUp, Instant usedAt);

    /** Deletes the user's passkey {@code id}; false when it has none of that id. */
    boolean delete(String appId, String userId, String id);
}
