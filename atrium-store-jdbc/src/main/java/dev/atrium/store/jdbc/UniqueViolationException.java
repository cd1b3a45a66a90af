package dev.atrium.store.jdbc;

/** A write hit a unique constraint; its transaction was rolled back and nothing was written. */
final class UniqueViolationException extends RuntimeException {
    UniqueViolationException(Throwable cause) {
        super(cause.getMessage(), cause, false, false);
    }
}
