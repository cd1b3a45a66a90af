package dev.atrium.core.redirect;

import java.time.Instant;
import java.util.Optional;

/**
 * Where web sign-ins under way are kept, shared by every node (the provider may send the browser
 * back to another node than the one it left). A state is taken once: of concurrent takes of the
 * same id, exactly one gets it.
 */
public interface RedirectStateStore {

    /** Stores {@code state}; IllegalStateException when its app does not exist or its id is taken. */
    void insert(RedirectState state);

    /**
     * Removes the state with {@code id} and answers it if it had not expired at {@code now}; empty
     * when there is none (never stored, taken already, deleted with its app) or it has expired.
     */
    Optional<RedirectState> take(String id, Instant now);

    /** Deletes up to {@code limit} states that expired before {@code now}, oldest first; answers how many. */
    int deleteExpired(Instant now, int limit);
}
