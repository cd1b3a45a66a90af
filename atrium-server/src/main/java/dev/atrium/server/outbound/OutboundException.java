package dev.atrium.server.outbound;

import java.io.IOException;

/**
 * An outbound call that did not get a complete answer. The message is for the operator (logs,
 * the admin API's event view): it may name the host and the upstream's error, so it never goes
 * into a response to an anonymous caller.
 */
public final class OutboundException extends IOException {
    /** Why the call failed. */
    public enum Failure {
        /** Not an http(s) URL with a host: never called. */
        URL_REFUSED,
        /** The destination resolves to an address {@link Destinations} refuses. */
        DESTINATION_REFUSED,
        /** The answer was larger than its {@link AnswerLimit}. */
        TOO_LARGE,
        /** No complete answer within the deadline. */
        DEADLINE,
        /** Could not connect, or the connection broke. */
        UNREACHABLE
    }

    private final Failure failure;

    public OutboundException(Failure failure, String message) {
        super(message, null);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
