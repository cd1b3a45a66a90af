package dev.atrium.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppSettings;
import dev.atrium.core.apps.Apps;
import dev.atrium.core.kernel.MutableClock;
import dev.atrium.core.store.memory.InMemoryStore;
import dev.atrium.core.users.UserType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Outbox delivery: at least once, in order per user, backing off while the receiver fails. */
class EventDispatcherTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
    final InMemoryStore store = new InMemoryStore();
    final List<String> received = new ArrayList<>();
    int failuresLeft;
    final EventSink sink = (url, secret, e) -> {
        if (failuresLeft > 0) {
            failuresLeft--;
            throw new EventSink.DeliveryException("HTTP 500");
        }
        received.add(e.userId() + ":" + e.type());
    };
    final EventDispatcher dispatcher = new EventDispatcher(store.apps(), store.events(), sink, clock);

    private App app(String webhook) {
        App a = Apps.newApp("t", clock.instant());
        AppSettings d = AppSettings.DEFAULTS;
        App withHook = new App(a.id(), a.name(), a.createdAt(), new AppSettings(d.accessTokenLifetime(),
                d.refreshTokenLifetime(), d.inactivity(), d.activityGranularity(), 100, 30, 0, webhook, "k", d.allowedOrigins(),
                d.throttling()));
        store.apps().create(withHook, Apps.defaultProviders(withHook, clock.instant()));
        return withHook;
    }

    /** A guest signed up now (its user.created event enters the outbox). */
    private String guest(String appId) {
        Instant now = clock.instant();
        var identity = new dev.atrium.core.users.Identity("anon-user", dev.atrium.core.kernel.ObjectIds.next(now),
                java.util.Map.of(), now);
        var user = new dev.atrium.core.users.User(dev.atrium.core.kernel.ObjectIds.next(now), appId, UserType.NORMAL, false, now, now,
                java.util.Map.of(), List.of(identity));
        store.signups().createUserWithSession(user, new dev.atrium.core.sessions.Session(
                dev.atrium.core.kernel.ObjectIds.next(now), appId, user.id(), "d", "h" + user.id(), now, now.plusSeconds(60)));
        return user.id();
    }

    @Test
    void aStopRequestedMidBatchFinishesTheDeliveryInProgressAndHandsTheRestBackDueAtOnce() {
        App a = app("https://hooks.example/a");
        for (int i = 0; i < 5; i++) {
            guest(a.id());
        }
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        EventDispatcher stopping = new EventDispatcher(store.apps(), store.events(), (url, secret, e) -> {
            received.add(e.userId() + ":" + e.type());
            stop.set(true); // the node is told to stop while this delivery runs
        }, clock);

        int finished = stopping.dispatchDue(stop::get);

        assertThat(finished).isEqualTo(1);
        assertThat(received).hasSize(1);
        assertThat(store.events().recent(a.id(), 10)).filteredOn(e -> e.outcome() == null).hasSize(4)
                .allSatisfy(e -> assertThat(e.attempts()).isZero());
        received.clear();
        assertThat(dispatcher.dispatchDue()).as("handed back, not leased: due at once, for this node or another").isEqualTo(4);
        assertThat(received).hasSize(4);
    }

    @Test
    void receiverThatFailsTwiceThenSucceedsGetsTheEventOnceAfterBackoff() {
        App app = app("http://hooks.test/x");
        guest(app.id());
        failuresLeft = 2;

        dispatcher.dispatchDue();                 // attempt 1 fails, retry in 1 s
        dispatcher.dispatchDue();                 // not due yet
        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchDue();                 // attempt 2 fails, retry in 2 s
        clock.advance(Duration.ofSeconds(2));
        dispatcher.dispatchDue();                 // attempt 3 succeeds
        clock.advance(Duration.ofSeconds(60));
        dispatcher.dispatchDue();

        assertThat(received).hasSize(1);
        UserEvent e = store.events().recent(app.id(), 1).get(0);
        assertThat(e.state()).isEqualTo("delivered");
        assertThat(e.attempts()).isEqualTo(2);
    }

    @Test
    void aUsersEventsGoOutInOrderEvenWhenTheFirstIsRetried() {
        App app = app("http://hooks.test/x");
        String user = guest(app.id());
        store.users().delete(app.id(), user, dev.atrium.core.users.DeletionReason.LOGOUT, clock.instant());
        failuresLeft = 1;

        for (int i = 0; i < 5; i++) {
            dispatcher.dispatchDue();
            clock.advance(Duration.ofSeconds(5));
        }

        assertThat(received).containsExactly(user + ":user.created", user + ":user.deleted");
    }

    @Test
    void eventsOfAnAppWithoutWebhookAreSkippedAndTrimmedLater() {
        App app = app(null);
        guest(app.id());

        dispatcher.dispatchDue();

        assertThat(received).isEmpty();
        assertThat(store.events().recent(app.id(), 1).get(0).state()).isEqualTo("skipped");
        assertThat(store.events().trim(clock.instant().plusSeconds(1))).isEqualTo(1);
    }

    @Test
    void onePassDrainsABacklogLargerThanOneBatchWithAWebhook() {
        App app = app("http://hooks.test/x");
        for (int i = 0; i < EventDispatcher.BATCH * 2 + 50; i++) {
            guest(app.id());
        }

        int finished = dispatcher.dispatchDue();

        assertThat(finished).isEqualTo(EventDispatcher.BATCH * 2 + 50);
        assertThat(received).hasSize(EventDispatcher.BATCH * 2 + 50);
    }

    @Test
    void aSlowReceiverGetsOneBatchPerPassOnceThePassBudgetIsSpent() {
        App app = app("http://hooks.test/x");
        for (int i = 0; i < EventDispatcher.BATCH * 3; i++) {
            guest(app.id());
        }
        EventDispatcher slow = new EventDispatcher(store.apps(), store.events(), (url, secret, e) -> {
            received.add(e.userId());
            clock.advance(Duration.ofMillis(20)); // 100 deliveries: 2 s, past the 1 s budget
        }, clock);

        int first = slow.dispatchDue();

        assertThat(first).isEqualTo(EventDispatcher.BATCH);
        assertThat(slow.dispatchDue()).isEqualTo(EventDispatcher.BATCH);
    }

    @Test
    void onePassSkipsABacklogLargerThanOneStatementWithoutAWebhook() {
        App app = app(null);
        int backlog = EventDispatcher.SKIP_BATCH * 2 + 7;
        for (int i = 0; i < backlog; i++) {
            guest(app.id());
        }

        int finished = dispatcher.dispatchDue();

        assertThat(finished).isEqualTo(backlog);
        assertThat(store.events().recent(app.id(), backlog)).allSatisfy(e -> assertThat(e.state()).isEqualTo("skipped"));
    }

    @Test
    void backoffDoublesAndIsCappedAtOneHour() {
        assertThat(EventDispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(EventDispatcher.backoff(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(EventDispatcher.backoff(30)).isEqualTo(Duration.ofHours(1));
    }
}
