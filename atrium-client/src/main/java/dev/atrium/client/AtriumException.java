package dev.atrium.client;

/**
 * Every failure the SDK reports. Three kinds, told apart by type:
 * <ul>
 *   <li>{@link ServiceException}: the server answered and refused (it carries {@code error_code}
 *       and the HTTP status, docs/client-api.md, Errors);</li>
 *   <li>{@link NetworkException}: no answer arrived (connection refused, timeout, I/O error), so
 *       nothing is known about what the server did;</li>
 *   <li>{@link ClientException}: the SDK refused locally, or could not read an answer (docs/client-api.md, Errors
 *       "client-only errors").</li>
 * </ul>
 * Unchecked, like the rest of the JDK HTTP client's callers expect; storage failures surface as
 * {@link java.io.UncheckedIOException} instead.
 */
public abstract sealed class AtriumException extends RuntimeException
        permits ServiceException, NetworkException, ClientException {

    AtriumException(String message, Throwable cause) {
        super(message, cause);
    }
}
