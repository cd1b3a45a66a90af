package dev.atrium.core.auth;

import java.util.Objects;

/**
 * How {@link AuthService} and {@link AccountService} treat a provider's logins: which limit a login
 * passes first, whether its credentials can be linked to an existing user, and what a logout does.
 * Declared by the provider, so none of these services names a provider.
 */
public record ProviderPolicy(Admission admission, Linking linking, Logout logout) {

    /** A lasting identity (e-mail, key, token): throttled per network, linkable, logout ends the session. */
    public static final ProviderPolicy LASTING_IDENTITY =
            new ProviderPolicy(Admission.NETWORK_THROTTLE, Linking.ALLOWED, Logout.ENDS_SESSION);

    public ProviderPolicy {
        Objects.requireNonNull(admission, "admission");
        Objects.requireNonNull(linking, "linking");
        Objects.requireNonNull(logout, "logout");
    }

    /** The limit a login passes before its credentials are looked at. */
    public enum Admission {
        /** Each login creates a user: the app's guest admission limits (per network and app-wide budget). */
        GUEST_LIMITS,
        /** Each login proves credentials: the per-network login throttle (a guess costs a token). */
        NETWORK_THROTTLE
    }

    /** What logging out of a session does to its user. */
    public enum Logout {
        /** The session ends; the user stays. */
        ENDS_SESSION,
        /**
         * The user is deleted with the session, if every identity it has is of such a provider (a
         * guest): nobody could log in as it again.
         */
        DELETES_USER
    }

    /**
     * Whether credentials of the provider can join an existing user ({@code ?link=true}).
     *
     * @param refusal the {@code LinkRefused} reason when they cannot; null when they can
     */
    public record Linking(String refusal) {
        public static final Linking ALLOWED = new Linking(null);

        /** Never linkable; {@code reason} completes "link refused: …". */
        public static Linking refused(String reason) {
            return new Linking(Objects.requireNonNull(reason, "reason"));
        }

        public boolean allowed() {
            return refusal == null;
        }
    }
}
