package dev.atrium.core.users;

/** Why a user was deleted; carried by the {@code user.deleted} event (design §1 rule 5). */
public enum DeletionReason {
    /** A guest logged out: its only credential is gone (design §1 rule 3). */
    LOGOUT,
    /** A guest was inactive longer than the app's inactivity period. */
    INACTIVITY,
    /** The user deleted itself ({@code DELETE /auth/delete}). */
    SELF,
    /** An operator deleted it. */
    ADMIN;

    /** The wire form used in events: lower case. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
