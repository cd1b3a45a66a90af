package dev.atrium.client;

/** Where a user stands on this device. */
public enum UserState {
    /** Has tokens; requests can be made for it. */
    LoggedIn,
    /** Tokens cleared, user kept on the device; logging in with its credentials brings it back. */
    LoggedOut,
    /** Gone from the device: removed, deleted, or a guest that logged out (never reused). */
    Removed
}
