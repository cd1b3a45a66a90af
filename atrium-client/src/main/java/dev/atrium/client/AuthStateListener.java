package dev.atrium.client;

/**
 * Told about every change of a user's auth state on an {@link App}: logged in, logged out,
 * removed, token refreshed. Register with {@link App#addAuthStateListener}.
 *
 * <p>A listener receives the changes in the order they happened (the order they were saved), one
 * at a time, on its executor, never while the SDK holds a lock: it may call the App, and a slow
 * listener delays only itself. An exception it throws is logged and the next change still comes.
 */
@FunctionalInterface
public interface AuthStateListener {

    /** Called once per change. */
    void onAuthStateChange(AuthStateChange change);
}
