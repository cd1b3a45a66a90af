package dev.atrium.client;

import java.util.Objects;

/**
 * One change of a user's auth state on this device, as an {@link AuthStateListener} receives it.
 *
 * @param kind what happened
 * @param user the user it happened to (its handle shows the state now, which may be later still)
 */
public record AuthStateChange(Kind kind, User user) {

    /** Checks the parts. */
    public AuthStateChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(user, "user");
    }

    /** What happened to the user. */
    public enum Kind {
        /** Logged in (again): a new session, on a login or when a logged-out user came back. */
        LoggedIn,
        /** Logged out: tokens cleared, the user kept on the device (not a guest). */
        LoggedOut,
        /** Gone from the device: removed, deleted, or a guest that logged out or lost its session. */
        Removed,
        /** The access token was replaced in the same session: a refresh, or a link (which issues a new one). */
        TokenRefreshed
    }

    @Override
    public String toString() {
        return kind + "(" + user.id() + ")";
    }
}
