package dev.atrium.client;

/**
 * Every failure the SDK reports, {@link App#create} included. Four kinds, told apart by type:
 * <ul>
 *   <li>{@link ServiceException}: the server answered and refused (it carries {@code error_code}
 *       and the HTTP status; subclasses name the common cases);</li>
 *   <li>{@link NetworkException}: no answer arrived (connection refused, timeout, I/O error), so
 *       nothing is known about what the server did;</li>
 *   <li>{@link ClientException}: the SDK refused locally (a bad argument, a user not logged in,
 *       a closed App), or could not read an answer (core's client-only errors);</li>
 *   <li>{@link StorageException}: the user storage could not be read or written.</li>
 * </ul>
 * Unchecked. The {@code …Async} methods complete their futures exceptionally with these.
 */
public abstract sealed class AtriumException extends RuntimeException
        permits ServiceException, NetworkException, ClientException, StorageException {

    AtriumException(String message, Throwable cause) {
        super(message, cause);
    }
}
