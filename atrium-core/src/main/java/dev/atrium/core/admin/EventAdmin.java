package dev.atrium.core.admin;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.events.EventFilter;
import dev.atrium.core.events.EventStore;
import dev.atrium.core.events.FailingDeliveries;
import dev.atrium.core.events.UserEvent;
import dev.atrium.core.kernel.AuthException;
import java.time.Clock;
import java.util.List;

/** Operators' view of an app's lifecycle events (docs/events.md, Seeing them): list, retry failed deliveries, the webhook's trouble. */
public final class EventAdmin {
    static final int MAX_LIMIT = 1000;

    private final AppDirectory apps;
    private final EventStore events;
    private final Clock clock;

    public EventAdmin(AppDirectory apps, EventStore events, Clock clock) {
        this.apps = apps;
        this.events = events;
        this.clock = clock;
    }

    /** The app's most recent events matching {@code filter}, newest first. */
    public List<UserEvent> recent(String appId, EventFilter filter, int limit) {
        apps.requireApp(appId);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new AuthException(ErrorCode.InvalidParameter, "limit must be 1..1000");
        }
        return events.recent(appId, filter, limit);
    }

    /**
     * Makes every failed delivery of the app due now: the next delivery pass (within
     * {@code event-poll}) tries them again, in order per user. Returns how many.
     */
    public int retryFailed(String appId) {
        apps.requireApp(appId);
        return events.retryFailed(appId, clock.instant());
    }

    /** How the app's webhook is failing now. */
    public FailingDeliveries failing(String appId) {
        apps.requireApp(appId);
        return events.failing(appId);
    }
}
