package dev.atrium.client;

/**
 * The SDK refused an operation itself, without sending anything (e.g. linking anonymous
 * credentials), or could not use a server answer (a token that is not a JWT, a missing
 * field). {@link #code()} names which.
 */
public final class ClientException extends AtriumException {
    private final ClientErrorCode code;

    ClientException(ClientErrorCode code, String message) {
        super(message, null);
        this.code = code;
    }

    ClientException(ClientErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** What went wrong. */
    public ClientErrorCode code() {
        return code;
    }
}
