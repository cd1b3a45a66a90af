package dev.atrium.core.auth;

import dev.atrium.core.admission.GuestClaim;
import dev.atrium.core.admission.GuestLimitExceededException;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.users.User;

/** The write of a sign-up: user, identities and first session together. */
public interface SignupStore {

    /**
     * Inserts the user with its identities, its first session and its {@code user.created} event in
     * one transaction (a guest login is one write, docs/stores.md, The tables). Throws {@link IdentityTakenException} and writes nothing when one of
     * the identities is already held by a user of the app.
     */
    void createUserWithSession(User user, Session session);

    /**
     * Inserts a guest as {@link #createUserWithSession} does if the app's guest admission limits
     * admit {@code claim}; otherwise throws {@link GuestLimitExceededException} and writes nothing.
     * The buckets are the store's, shared by every node that uses it: a backend that more than one
     * process can use (PostgreSQL) keeps them in the database and checks them in the sign-up's own
     * write, with no extra round trip; a one-process backend keeps them in memory.
     */
    void createGuest(User user, Session session, GuestClaim claim);
}
