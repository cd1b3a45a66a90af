package dev.atrium.store.jdbc.secrets;

/**
 * The master key is missing, unreadable, or not the one the store's secrets were encrypted with.
 * The message names the problem and the way out; a node refuses to start with it rather than
 * answer every request with an error, and never replaces a lost key silently.
 */
public final class MasterKeyException extends RuntimeException {
    public MasterKeyException(String message) {
        super(message);
    }

    public MasterKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
