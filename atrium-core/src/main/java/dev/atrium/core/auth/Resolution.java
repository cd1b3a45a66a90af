package dev.atrium.core.auth;

import dev.atrium.core.users.Identity;

/** What a provider made of credentials: a known user, or an identity nobody holds yet. */
public sealed interface Resolution {

    /** The credentials belong to this existing user. */
    record Existing(String userId) implements Resolution {}

    /** The credentials are a new identity: a new user is created, or on link it is attached. */
    record Fresh(Identity identity) implements Resolution {}
}
