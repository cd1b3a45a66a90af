package dev.atrium.core.auth;

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
}
