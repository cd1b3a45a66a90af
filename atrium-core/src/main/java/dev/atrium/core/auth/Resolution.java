package dev.atrium.core.auth;

import dev.atrium.core.users.Identity;

/**
 * What a provider made of credentials: the identity they prove, and the user that holds it (or,
 * for an API key, owns it), or null when nobody does yet.
 *
 * <p>Login: a holder gets a new session; no holder means a new user with this identity.
 * Link: the identity is attached to the linking user unless someone else holds it.
 */
public record Resolution(Identity identity, String holderId) {

    /** Credentials proving an identity nobody holds yet. */
    public static Resolution fresh(Identity identity) {
        return new Resolution(identity, null);
    }

    /** Credentials proving an identity held by {@code userId}. */
    public static Resolution heldBy(Identity identity, String userId) {
        return new Resolution(identity, userId);
    }
}
