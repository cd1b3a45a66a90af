package dev.atrium.core.kernel;

/**
 * Thrown by a store when the database cannot be reached or the transaction could not complete.
 * The transaction was rolled back: nothing it would have written exists.
 */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A refusal before the store was asked (it is known to be away): no cause and no stack trace,
     * as thousands a second may be answered and logged during an outage.
     */
    public StoreUnavailableException(String message) {
        super(message, null, false, false);
    }
}
