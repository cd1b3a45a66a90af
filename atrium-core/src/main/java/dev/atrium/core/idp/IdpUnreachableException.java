package dev.atrium.core.idp;

/**
 * A call to an identity provider that got no complete answer: unreachable, too slow, an answer
 * over its size cap, a refused destination. The message names hosts and reasons: it is for the
 * operator's log, never for the caller.
 */
public final class IdpUnreachableException extends Exception {
    public IdpUnreachableException(String message) {
        super(message, null, false, false);
    }
}
