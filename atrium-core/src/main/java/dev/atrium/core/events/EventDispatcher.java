package dev.atrium.core.events;

import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Delivers the outbox (issue 5 item 5): at least once, in order per user, with exponential
 * backoff (1 s, 2 s, 4 s … capped at 1 h) while the receiver fails. Events of an app without a
 * webhook are finished as {@code skipped}. Every node may run it: claims are leased.
 */
public final class EventDispatcher {
    static final Duration LEASE = Duration.ofSeconds(60);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    static final int BATCH = 100;

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
        int finished = 0;
        for (App app : apps.list()) {
            finished += dispatch(app);
        }
        return finished;
    }

    private int dispatch(App app) {
        Instant now = clock.instant();
        int finished = 0;
        for (UserEvent e : events.claim(app.id(), now, now.plus(LEASE), BATCH)) {
            String url = app.settings().webhookUrl();
            if (url == null) {
                events.finish(e.seq(), UserEvent.SKIPPED, now);
                finished++;
                continue;
            }
            try {
                sink.deliver(url, app.settings().webhookSecret(), e);
                events.finish(e.seq(), UserEvent.DELIVERED, clock.instant());
                finished++;
            } catch (EventSink.DeliveryException failure) {
                int attempts = e.attempts() + 1;
                events.retryLater(e.seq(), attempts, clock.instant().plus(backoff(attempts)), failure.getMessage());
            }
        }
        return finished;
    }

    /** 2^(attempts-1) seconds, capped. */
    static Duration backoff(int attempts) {
        long seconds = 1L << Math.min(attempts - 1, 20);
        Duration d = Duration.ofSeconds(seconds);
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }
}
