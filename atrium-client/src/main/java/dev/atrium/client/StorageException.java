package dev.atrium.client;

/**
 * The App's {@link dev.atrium.client.storage.UserStorage} failed: it cannot be read or written,
 * or it holds the users of another app. The cause is the storage's own exception (usually an
 * {@link java.io.UncheckedIOException}). A failed save changes nothing: the App keeps the state
 * it had before the operation.
 */
public final class StorageException extends AtriumException {

    StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
