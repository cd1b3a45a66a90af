package dev.atrium.client;

/**
 * No answer arrived: the connection failed, timed out or broke, or the calling thread was
 * interrupted while waiting (then its interrupt flag is set again). The request may or may not
 * have reached the server. A network failure never logs a user out: a guest's session is its only
 * credential, so the SDK keeps it and the next call tries again.
 */
public final class NetworkException extends AtriumException {

    NetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
