package dev.atrium.core.admission;

import dev.atrium.core.kernel.TooManyRequestsException;
import java.time.Duration;

/** A guest sign-up refused by an admission limit: 429 TooManyRequests with {@code Retry-After}; nothing was written. */
public final class GuestLimitExceededException extends TooManyRequestsException {

    /** Which limit refused: the caller's network, or the app-wide budget. */
    public enum Scope {
        CLIENT("client", "too many guest sign-ups from this address; retry later"),
        APP("app", "the app's hourly guest sign-up budget is spent; retry later");

        private final String label;
        private final String message;

        Scope(String label, String message) {
            this.label = label;
            this.message = message;
        }

        /** The metric label ({@code client} or {@code app}). */
        public String label() {
            return label;
        }
    }

    private final Scope scope;

    public GuestLimitExceededException(Scope scope, Duration retryAfter) {
        super(scope.message, retryAfter);
        this.scope = scope;
    }

    public Scope scope() {
        return scope;
    }
}
