package dev.atrium.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.atrium.core.admin.StatsStore;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.MergedGuest;
import dev.atrium.core.events.UserEvent;
import dev.atrium.core.merge.Merge;
import dev.atrium.core.merge.MergeOutcome;
import dev.atrium.core.merge.MergeStore;
import dev.atrium.core.merge.MergeTicket;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.users.DeletionReason;
import dev.atrium.core.users.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link MergeStore}: tickets good once and for minutes, and the merge as one
 * write that either does everything (holder's session, {@code user.merged}, the guest gone or
 * kept) or nothing, whatever races it.
 */
public abstract class MergeStoreContract extends StoreContract {
    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final String PROVIDER = "local-userpass";

    private MergeStore merges() {
        return store.merges();
    }

    /** A guest with its session, the holder of an identity it proved, and a stored ticket between them. */
    private record Setup(App app, Signup guest, Signup holder, MergeTicket ticket) {}

    private Setup setup() {
        App app = createApp();
        Signup guest = signUpGuest(app);
        Signup holder = signUp(newUser(app, identity(PROVIDER, randomHex(8), Map.of("email", "ada@example.com"))));
        MergeTicket ticket = ticket(app, guest.user(), holder.user(), nextInstant());
        merges().insert(ticket);
        return new Setup(app, guest, holder, ticket);
    }

    private MergeTicket ticket(App app, User guest, User holder, Instant at) {
        return new MergeTicket(randomHex(32), app.id(), guest.id(), holder.id(), PROVIDER, at, at.plus(LIFETIME));
    }

    private Merge merge(Setup s, MergedGuest fate, Instant at) {
        Session holderSession = newSession(s.holder().user());
        return new Merge(s.ticket(), s.guest().session().id(), new Session(holderSession.id(), holderSession.appId(),
                holderSession.userId(), s.guest().session().deviceId(), holderSession.refreshHash(), at,
                at.plus(Duration.ofDays(60))), fate, at);
    }

    private List<UserEvent> eventsOf(App app, String userId) {
        return store.events().recent(app.id(), 1000).stream().filter(e -> e.userId().equals(userId))
                .sorted(java.util.Comparator.comparingLong(UserEvent::seq)).toList();
    }

    /** Nothing of a merge was written: the guest, its session and the ticket as they were, no new holder session, no event. */
    private void assertNothingWritten(Setup s, Merge m, int eventsBefore) {
        assertThat(store.users().find(s.app().id(), s.guest().user().id())).contains(s.guest().user());
        assertThat(store.sessions().find(s.guest().session().userId(), s.guest().session().id())).contains(s.guest().session());
        assertThat(store.sessions().find(m.holderSession().userId(), m.holderSession().id())).isEmpty();
        assertThat(store.events().recent(s.app().id(), 1000)).hasSize(eventsBefore);
    }

    // ---------------------------------------------------------------- tickets

    @Test
    void findReturnsTheTicketAsWrittenUntilItExpiresAndOnlyInItsApp() {
        Setup s = setup();
        App other = createApp();
        MergeTicket t = s.ticket();

        assertThat(merges().find(s.app().id(), t.hash(), t.createdAt())).contains(t);
        assertThat(merges().find(s.app().id(), t.hash(), t.expiresAt().minusMillis(1))).contains(t);
        assertThat(merges().find(s.app().id(), t.hash(), t.expiresAt())).isEmpty();
        assertThat(merges().find(other.id(), t.hash(), t.createdAt())).isEmpty();
        assertThat(merges().find(s.app().id(), randomHex(32), t.createdAt())).isEmpty();
    }

    @Test
    void aTicketGoesWithItsGuestOrItsHolder() {
        Setup s = setup();
        Setup t = setup();

        store.users().delete(s.app().id(), s.guest().user().id(), DeletionReason.LOGOUT, nextInstant());
        store.users().delete(t.app().id(), t.holder().user().id(), DeletionReason.ADMIN, nextInstant());

        assertThat(merges().find(s.app().id(), s.ticket().hash(), s.ticket().createdAt())).isEmpty();
        assertThat(merges().find(t.app().id(), t.ticket().hash(), t.ticket().createdAt())).isEmpty();
    }

    @Test
    void deleteExpiredDeletesOnlyExpiredTicketsUpToTheLimit() {
        Setup s = setup();
        App app = s.app();
        Instant early = s.ticket().createdAt().minus(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            merges().insert(ticket(app, signUpGuest(app).user(), s.holder().user(), early));
        }

        assertThat(merges().deleteExpired(early.plus(LIFETIME), 2)).isEqualTo(2);
        assertThat(merges().deleteExpired(early.plus(LIFETIME), 10)).isEqualTo(1);
        assertThat(merges().deleteExpired(early.plus(LIFETIME), 10)).isZero();
        assertThat(merges().find(app.id(), s.ticket().hash(), s.ticket().createdAt())).contains(s.ticket());
    }

    // ---------------------------------------------------------------- merge

    @Test
    void mergeOpensTheHoldersSessionWritesMergedThenDeletesTheGuest() {
        Setup s = setup();
        Instant at = nextInstant();
        Merge m = merge(s, MergedGuest.DELETE, at);

        assertThat(merges().merge(m)).isEqualTo(MergeOutcome.MERGED);

        assertThat(store.sessions().find(m.holderSession().userId(), m.holderSession().id())).contains(m.holderSession());
        assertThat(store.sessions().find(s.holder().session().userId(), s.holder().session().id())).contains(s.holder().session());
        assertThat(store.users().find(s.app().id(), s.guest().user().id())).isEmpty();
        assertThat(store.sessions().find(s.guest().session().userId(), s.guest().session().id())).isEmpty();
        assertThat(store.users().find(s.app().id(), s.holder().user().id())).contains(s.holder().user());
        assertThat(eventsOf(s.app(), s.guest().user().id()))
                .extracting(UserEvent::type, UserEvent::detail, UserEvent::intoUserId, UserEvent::conversion)
                .containsExactly(tuple(UserEvent.CREATED, User.ANON_PROVIDER, null, false),
                        tuple(UserEvent.MERGED, PROVIDER, s.holder().user().id(), true),
                        tuple(UserEvent.DELETED, DeletionReason.MERGED.wire(), null, false));
        assertThat(eventsOf(s.app(), s.guest().user().id()).get(1).createdAt()).isEqualTo(at);
        assertThat(eventsOf(s.app(), s.holder().user().id())).extracting(UserEvent::type).containsExactly(UserEvent.CREATED);
        assertThat(merges().find(s.app().id(), s.ticket().hash(), at)).isEmpty();
    }

    @Test
    void mergeWhenTheAppKeepsMergedGuestsEndsTheGuestsSessionsAndKeepsIt() {
        Setup s = setup();
        Session second = newSession(s.guest().user());
        store.sessions().insert(second);
        Merge m = merge(s, MergedGuest.KEEP, nextInstant());

        assertThat(merges().merge(m)).isEqualTo(MergeOutcome.MERGED);

        assertThat(store.users().find(s.app().id(), s.guest().user().id())).contains(s.guest().user());
        assertThat(store.sessions().find(s.guest().session().userId(), s.guest().session().id())).isEmpty();
        assertThat(store.sessions().find(second.userId(), second.id())).isEmpty();
        assertThat(store.sessions().find(m.holderSession().userId(), m.holderSession().id())).contains(m.holderSession());
        assertThat(eventsOf(s.app(), s.guest().user().id())).extracting(UserEvent::type)
                .containsExactly(UserEvent.CREATED, UserEvent.MERGED);
    }

    @Test
    void mergeCountsAsAConversionOfTheTicketsProvider() {
        Setup s = setup();
        merges().merge(merge(s, MergedGuest.DELETE, nextInstant()));

        List<StatsStore.HourCount> counts = store.stats().eventsPerHour(s.app().id(), T0.minus(Duration.ofHours(1)));

        assertThat(counts).filteredOn(c -> c.type().equals(UserEvent.MERGED))
                .extracting(StatsStore.HourCount::detail, StatsStore.HourCount::conversion, StatsStore.HourCount::count)
                .containsExactly(tuple(PROVIDER, true, 1L));
        assertThat(counts).filteredOn(c -> c.type().equals(UserEvent.DELETED))
                .extracting(StatsStore.HourCount::detail, StatsStore.HourCount::conversion)
                .containsExactly(tuple(DeletionReason.MERGED.wire(), false));
    }

    @Test
    void mergeASecondTimeWithTheSameTicketFindsItGoneAndWritesNothing() {
        Setup s = setup();
        merges().merge(merge(s, MergedGuest.KEEP, nextInstant()));
        // The kept guest gets a session back, so only the spent ticket stands in the way.
        Session again = newSession(s.guest().user());
        store.sessions().insert(again);
        Setup retry = new Setup(s.app(), new Signup(s.guest().user(), again), s.holder(), s.ticket());
        int before = store.events().recent(s.app().id(), 1000).size();
        Merge m = merge(retry, MergedGuest.KEEP, nextInstant());

        assertThat(merges().merge(m)).isEqualTo(MergeOutcome.TICKET_GONE);

        assertNothingWritten(retry, m, before);
    }

    @Test
    void mergeWhenTheTicketExpiredFindsItGoneAndWritesNothing() {
        Setup s = setup();
        int before = store.events().recent(s.app().id(), 1000).size();
        Merge m = merge(s, MergedGuest.DELETE, s.ticket().expiresAt());

        assertThat(merges().merge(m)).isEqualTo(MergeOutcome.TICKET_GONE);

        assertNothingWritten(s, m, before);
    }

    @Test
    void mergeWhenTheGuestsSessionEndedIsRefusedAndWritesNothing() {
        Setup s = setup();
        store.sessions().revoke(s.guest().session().userId(), s.guest().session().id());
        int before = store.events().recent(s.app().id(), 1000).size();
        Merge m = merge(s, MergedGuest.DELETE, nextInstant());

        assertThat(merges().merge(m)).isEqualTo(MergeOutcome.SESSION_ENDED);

        assertThat(store.users().find(s.app().id(), s.guest().user().id())).contains(s.guest().user());
        assertThat(store.sessions().find(m.holderSession().userId(), m.holderSession().id())).isEmpty();
        assertThat(store.events().recent(s.app().id(), 1000)).hasSize(before);
        assertThat(merges().find(s.app().id(), s.ticket().hash(), m.at())).contains(s.ticket());
    }

    @Test
    void mergeOfAGuestThatLinkedSinceIsRefusedAndWritesNothing() {
        Setup s = setup();
        store.links().addIdentity(s.app().id(), s.guest().user().id(), identity("api-key", randomHex(12), Map.of()));
        User linked = store.users().find(s.app().id(), s.guest().user().id()).orElseThrow();
        int before = store.events().recent(s.app().id(), 1000).size();
        Merge m = merge(s, MergedGuest.DELETE, nextInstant());

        assertThat(merges().merge(m)).isEqualTo(MergeOutcome.NOT_A_GUEST);

        assertThat(store.users().find(s.app().id(), linked.id())).contains(linked);
        assertThat(store.sessions().find(s.guest().session().userId(), s.guest().session().id())).contains(s.guest().session());
        assertThat(store.sessions().find(m.holderSession().userId(), m.holderSession().id())).isEmpty();
        assertThat(store.events().recent(s.app().id(), 1000)).hasSize(before);
    }

    @Test
    void mergeIntoADisabledHolderIsRefusedAndWritesNothing() {
        Setup s = setup();
        store.users().setDisabled(s.app().id(), s.holder().user().id(), true);
        int before = store.events().recent(s.app().id(), 1000).size();
        Merge m = merge(s, MergedGuest.DELETE, nextInstant());

        assertThat(merges().merge(m)).isEqualTo(MergeOutcome.HOLDER_UNAVAILABLE);

        assertNothingWritten(s, m, before);
        assertThat(merges().find(s.app().id(), s.ticket().hash(), m.at())).contains(s.ticket());
    }

    // ---------------------------------------------------------------- races

    @Test
    void mergesRacingWithOneTicketThenExactlyOneMerges() {
        for (MergedGuest fate : MergedGuest.values()) {
            Setup s = setup();
            List<Merge> attempts = java.util.stream.IntStream.range(0, THREADS)
                    .mapToObj(i -> merge(s, fate, nextInstant())).toList();

            List<Outcome<MergeOutcome>> outcomes = concurrently(THREADS, i -> merges().merge(attempts.get(i)));

            assertThat(outcomes).allMatch(Outcome::succeeded);
            assertThat(outcomes).extracting(Outcome::value).as(fate.name())
                    .containsOnlyOnce(MergeOutcome.MERGED)
                    .allMatch(o -> o == MergeOutcome.MERGED || o == MergeOutcome.TICKET_GONE || o == MergeOutcome.SESSION_ENDED);
            assertThat(attempts).filteredOn(m -> store.sessions().find(m.holderSession().userId(), m.holderSession().id()).isPresent()).hasSize(1);
            assertThat(eventsOf(s.app(), s.guest().user().id())).filteredOn(e -> e.type().equals(UserEvent.MERGED)).hasSize(1);
        }
    }

    @Test
    void mergeRacingTheGuestsLogoutThenOneOfThemWinsAndTheEventsSayWhich() {
        for (int round = 0; round < 10; round++) {
            Setup s = setup();
            Merge m = merge(s, MergedGuest.DELETE, nextInstant());
            Instant logoutAt = nextInstant();

            List<Outcome<Object>> outcomes = concurrently(2, i -> i == 0 ? (Object) merges().merge(m)
                    : (Object) store.users().delete(s.app().id(), s.guest().user().id(), DeletionReason.LOGOUT, logoutAt));

            assertThat(outcomes).allMatch(Outcome::succeeded);
            boolean merged = outcomes.get(0).value() == MergeOutcome.MERGED;
            boolean loggedOut = (Boolean) outcomes.get(1).value();
            assertThat(merged).as("exactly one wins").isNotEqualTo(loggedOut);
            assertThat(outcomes.get(0).value()).isIn(MergeOutcome.MERGED, MergeOutcome.SESSION_ENDED);
            assertThat(store.users().find(s.app().id(), s.guest().user().id())).isEmpty();
            assertThat(store.sessions().find(m.holderSession().userId(), m.holderSession().id()).isPresent()).isEqualTo(merged);
            assertThat(eventsOf(s.app(), s.guest().user().id())).extracting(UserEvent::type, UserEvent::detail)
                    .containsExactlyElementsOf(merged
                            ? List.of(tuple(UserEvent.CREATED, User.ANON_PROVIDER), tuple(UserEvent.MERGED, PROVIDER),
                                    tuple(UserEvent.DELETED, DeletionReason.MERGED.wire()))
                            : List.of(tuple(UserEvent.CREATED, User.ANON_PROVIDER),
                                    tuple(UserEvent.DELETED, DeletionReason.LOGOUT.wire())));
        }
    }
}
