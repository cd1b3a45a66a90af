package dev.atrium.core.events;

/**
 * How an app's webhook is failing: how many events wait for a retry after a failed attempt, and
 * the newest of them, whose {@code lastError} is the webhook's latest error (null when none fails).
 */
public record FailingDeliveries(long count, UserEvent newest) {
    public static final FailingDeliveries NONE = new FailingDeliveries(0, null);
}
