package dev.atrium.core.auth.passkey;

import dev.atrium.api.LoginResponse;

/**
 * A passkey registered for the caller.
 *
 * @param link the answer of the link when this was the user's first passkey (its identity joined
 *     the user: a fresh access token that says {@code is_anonymous: false}); null otherwise
 */
public record PasskeyRegistration(PasskeyCredential passkey, LoginResponse link) {}
