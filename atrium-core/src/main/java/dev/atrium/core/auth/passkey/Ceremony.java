package dev.atrium.core.auth.passkey;

/** What a challenge was issued for: the one ceremony it may be answered in (WebAuthn §7.1, §7.2). */
public enum Ceremony {
    /** Creating a passkey for the logged-in user ({@code navigator.credentials.create}). */
    REGISTRATION,
    /** Logging in with a passkey, no username ({@code navigator.credentials.get}). */
    LOGIN
}
