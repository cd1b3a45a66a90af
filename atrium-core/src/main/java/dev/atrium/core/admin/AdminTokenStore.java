package dev.atrium.core.admin;

import java.util.List;
import java.util.Optional;

/** Persistence of admin tokens. */
public interface AdminTokenStore {

    /** Inserts the token; throws IllegalStateException if its id exists. */
    void insert(AdminToken token);

    /** The token with this hash; empty when none (or revoked, since revoking deletes it). */
    Optional<AdminToken> findByHash(String tokenHash);

    /** All tokens, oldest first; empty list when none. */
    List<AdminToken> list();

    /** Deletes the token; false when not found. */
    boolean revoke(String id);
}
