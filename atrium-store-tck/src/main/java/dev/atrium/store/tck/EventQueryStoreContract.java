package dev.atrium.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.core.apps.App;
import dev.atrium.core.events.EventFilter;
import dev.atrium.core.events.EventFilter.State;
import dev.atrium.core.events.EventStore;
import dev.atrium.core.events.FailingDeliveries;
import dev.atrium.core.events.UserEvent;
import dev.atrium.core.users.DeletionReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operator's side of {@link EventStore} (docs/events.md, Seeing them): recent events by state
 * and type, the retry of failed deliveries, and how the webhook is failing.
 */
public abstract class EventQueryStoreContract extends StoreContract {
    private static final Instant NOW = T0.plus(Duration.ofHours(1));

    private EventStore events() {
        return store.events();
    }

    private UserEvent guestCreated(App app) {
        signUpGuest(app);
        return events().recent(app.id(), 1).getFirst();
    }

    private UserEvent stored(long seq) {
        return events().recent(null, 10_000).stream().filter(e -> e.seq() == seq).findFirst().orElseThrow();
    }

    private List<Long> seqs(App app, EventFilter filter) {
        return events().recent(app.id(), filter, 100).stream().map(UserEvent::seq).toList();
    }

    /** An app with one event in each state: delivered, skipped, failed twice, pending untried; a guest that left (created and deleted, pending). */
    private record Outbox(App app, UserEvent delivered, UserEvent skipped, UserEvent failed, UserEvent untried,
                          UserEvent leaving, UserEvent deleted) {}

    private Outbox outbox() {
        App app = createApp();
        UserEvent delivered = guestCreated(app);
        UserEvent skipped = guestCreated(app);
        UserEvent failed = guestCreated(app);
        UserEvent untried = guestCreated(app);
        UserEvent leaving = guestCreated(app);
        store.users().delete(app.id(), leaving.userId(), DeletionReason.LOGOUT, nextInstant());
        UserEvent deleted = events().recent(app.id(), 1).getFirst();
        events().finish(delivered.seq(), UserEvent.DELIVERED, NOW);
        events().finish(skipped.seq(), UserEvent.SKIPPED, NOW);
        events().retryLater(failed.seq(), 2, NOW.plus(Duration.ofMinutes(4)), "HTTP 500 from the webhook");
        return new Outbox(app, delivered, skipped, failed, untried, leaving, deleted);
    }

    @Test
    void recentByStateReturnsOnlyTheEventsInThatStateNewestFirst() {
        Outbox o = outbox();

        assertThat(seqs(o.app(), new EventFilter(State.DELIVERED, null))).containsExactly(o.delivered().seq());
        assertThat(seqs(o.app(), new EventFilter(State.SKIPPED, null))).containsExactly(o.skipped().seq());
        assertThat(seqs(o.app(), new EventFilter(State.FAILED, null))).containsExactly(o.failed().seq());
        assertThat(seqs(o.app(), new EventFilter(State.PENDING, null)))
                .as("pending: every unfinished event, the failed one included")
                .containsExactly(o.deleted().seq(), o.leaving().seq(), o.untried().seq(), o.failed().seq());
    }

    @Test
    void recentByTypeAndStateCombines() {
        Outbox o = outbox();

        assertThat(seqs(o.app(), new EventFilter(null, UserEvent.DELETED))).containsExactly(o.deleted().seq());
        assertThat(seqs(o.app(), new EventFilter(State.PENDING, UserEvent.CREATED))).containsExactly(o.leaving().seq(), o.untried().seq(), o.failed().seq());
        assertThat(seqs(o.app(), new EventFilter(State.DELIVERED, UserEvent.DELETED))).isEmpty();
        assertThat(events().recent(o.app().id(), new EventFilter(State.PENDING, null), 1)).hasSize(1);
    }

    @Test
    void retryFailedMakesFailedEventsDueNowKeepingTheirAttemptsAndError() {
        Outbox o = outbox();

        int retried = events().retryFailed(o.app().id(), NOW);

        assertThat(retried).isEqualTo(1);
        UserEvent after = stored(o.failed().seq());
        assertThat(after.nextAttemptAt()).isEqualTo(NOW);
        assertThat(after.attempts()).isEqualTo(2);
        assertThat(after.lastError()).isEqualTo("HTTP 500 from the webhook");
        assertThat(events().claim(o.app().id(), NOW, NOW.plusSeconds(60), 10)).extracting(UserEvent::seq).contains(o.failed().seq());
        assertThat(stored(o.untried().seq()).nextAttemptAt()).as("an untried event is not touched").isEqualTo(o.untried().nextAttemptAt());
        assertThat(stored(o.delivered().seq()).outcome()).isEqualTo(UserEvent.DELIVERED);
    }

    @Test
    void retryFailedWhenNoneFailedOrInAnotherAppThenZero() {
        Outbox o = outbox();

        assertThat(events().retryFailed(createApp().id(), NOW)).isZero();
        events().finish(o.failed().seq(), UserEvent.DELIVERED, NOW);
        assertThat(events().retryFailed(o.app().id(), NOW)).isZero();
    }

    @Test
    void failingCountsFailedEventsAndGivesTheNewestWithItsError() {
        Outbox o = outbox();
        events().retryLater(o.untried().seq(), 1, NOW.plusSeconds(1), "connection refused");

        FailingDeliveries failing = events().failing(o.app().id());

        assertThat(failing.count()).isEqualTo(2);
        assertThat(failing.newest().seq()).isEqualTo(o.untried().seq());
        assertThat(failing.newest().lastError()).isEqualTo("connection refused");
    }

    @Test
    void failingWhenNothingFailsThenNone() {
        App app = createApp();
        guestCreated(app);

        assertThat(events().failing(app.id())).isEqualTo(FailingDeliveries.NONE);
    }
}
