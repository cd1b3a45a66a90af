package dev.atrium.core.events;

import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Delivers the outbox (docs/events.md): at least once, in order per user, with exponential
 * backoff (1 s, 2 s, 4 s … capped at 1 h) while the receiver fails. Events of an app without a
 * webhook are finished as {@code skipped}, a thousand per statement. A pass drains each app's due
 * events (up to {@link #MAX_BATCHES_PER_PASS} batches). Every node may run it: claims are leased.
 */
public final class EventDispatcher {
    static final Duration LEASE = Duration.ofSeconds(60);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    static final int BATCH = 100;
    /** Events finished as skipped per statement (apps without a webhook). */
    static final int SKIP_BATCH = 1_000;
    /**
     * Batches per app per pass: a pass drains up to this many before the next app's turn, so a
     * node keeps up with thousands of sign-ups a second instead of one batch per poll.
     */
    static final int MAX_BATCHES_PER_PASS = 100;
    /**
     * Wall time per app per pass after which draining stops for this pass: one slow receiver
     * must not keep the other apps' events waiting (deliveries are sequential, in order per user).
     */
    static final Duration PASS_BUDGET = Duration.ofSeconds(1);

    private final AppStore apps;
    private final EventStore events;
    private final EventSink sink;
    private final Clock clock;

    public EventDispatcher(AppStore apps, EventStore events, EventSink sink, Clock clock) {
        this.apps = apps;
        this.events = events;
        this.sink = sink;
        this.clock = clock;
    }

    /** One pass over every app; returns how many events were finished (delivered or skipped). */
    public int dispatchDue() {
        return dispatchDue(() -> false);
    }

    /**
     * The same, stopping early once {@code stop} says so (a server shutting down): before the next
     * batch, or before the next delivery of a batch, whose claimed events not yet attempted are
     * released at once (not left leased for {@link #LEASE}) so another node delivers them now. A
     * delivery in progress is finished first. No event is lost: an event leaves the outbox only once
     * its delivery succeeded.
     */
    public int dispatchDue(BooleanSupplier stop) {
        int finished = 0;
        for (App app : apps.list()) {
            if (stop.getAsBoolean()) {
                break;
            }
            finished += dispatch(app, stop);
        }
        return finished;
    }

    private int dispatch(App app, BooleanSupplier stop) {
        int finished = 0;
        Instant stopAfter = clock.instant().plus(PASS_BUDGET);
        for (int batch = 0; batch < MAX_BATCHES_PER_PASS; batch++) {
            Instant now = clock.instant();
            if (batch > 0 && (now.isAfter(stopAfter) || stop.getAsBoolean())) {
                break;
            }
            if (app.settings().webhookUrl() == null) {
                int skipped = events.skipDue(app.id(), now, SKIP_BATCH);
                finished += skipped;
                if (skipped < SKIP_BATCH) {
                    break;
                }
                continue;
            }
            List<UserEvent> claimed = events.claim(app.id(), now, now.plus(LEASE), BATCH);
            finished += deliver(app, claimed, stop);
            if (claimed.size() < BATCH) {
                break;
            }
        }
        return finished;
    }

    private int deliver(App app, List<UserEvent> claimed, BooleanSupplier stop) {
        int finished = 0;
        for (int i = 0; i < claimed.size(); i++) {
            UserEvent e = claimed.get(i);
            if (stop.getAsBoolean()) {
                release(claimed.subList(i, claimed.size()));
                break;
            }
            try {
                sink.deliver(app.settings().webhookUrl(), app.settings().webhookSecret(), e);
                events.finish(e.seq(), UserEvent.DELIVERED, clock.instant());
                finished++;
            } catch (EventSink.DeliveryException failure) {
                int attempts = e.attempts() + 1;
                events.retryLater(e.seq(), attempts, clock.instant().plus(backoff(attempts)), failure.getMessage());
            }
        }
        return finished;
    }

    /** Gives claimed events back, as due as they were, attempts unchanged. */
    private void release(List<UserEvent> unattempted) {
        for (UserEvent e : unattempted) {
            events.retryLater(e.seq(), e.attempts(), e.nextAttemptAt(), e.lastError());
        }
    }

    /** 2^(attempts-1) seconds, capped. */
    static Duration backoff(int attempts) {
        long seconds = 1L << Math.min(attempts - 1, 20);
        Duration d = Duration.ofSeconds(seconds);
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }
}
