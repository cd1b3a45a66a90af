package dev.atrium.server.outbound;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.apache.hc.client5.http.ConnectTimeoutException;

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

    /**
     * The failure of an exchange that ended in {@code e}: a destination the resolver refused; else
     * the deadline's when the deadline's timer marked the exchange {@code late}, or when a connect or
     * socket timeout ended it (both are set to the deadline, and under load they can fire a moment
     * before the timer does); else the host unreachable.
     */
    static OutboundException of(IOException e, boolean late, String host, Duration deadline) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CheckedResolver.Refused refused) {
                return new OutboundException(Failure.DESTINATION_REFUSED, refused.getMessage());
            }
        }
        if (late || e instanceof SocketTimeoutException || e instanceof ConnectTimeoutException) {
            return new OutboundException(Failure.DEADLINE, host + ": no complete answer within " + deadline.toMillis() + " ms");
        }
        return new OutboundException(Failure.UNREACHABLE, host + ": " + e);
    }
}
