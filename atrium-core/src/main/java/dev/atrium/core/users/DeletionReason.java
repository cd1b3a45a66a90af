package dev.atrium.core.users;

/** Why a user was deleted; carried by the {@code user.deleted} event (docs/architecture.md, Deletion never touches app data). */
public enum DeletionReason {
    /** A guest logged out: its only credential is gone (docs/architecture.md, Logout ends a guest). */
    LOGOUT,
    /** A guest was inactive longer than the app's inactivity period. */
    INACTIVITY,
    /** The user deleted itself ({@code DELETE /auth/delete}). */
    SELF,
    /** An operator deleted it. */
    ADMIN,
    /** A guest was merged into the user whose identity it proved it owns, after its {@code user.merged} event. */
    MERGED;

    /** The wire form used in events: lower case. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
