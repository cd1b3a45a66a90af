package dev.atrium.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.atrium.core.apps.App;
import dev.atrium.core.auth.IdentityTakenException;
import dev.atrium.core.events.EventStore;
import dev.atrium.core.events.UserEvent;
import dev.atrium.core.users.DeletionReason;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link EventStore}. Events are written by the stores of the changes they report
 * (sign-ups, links, deletions), as in the product.
 */
public abstract class EventStoreContract extends StoreContract {
    /** When the contracts claim: after every event written at {@link #nextInstant()}, so those are due. */
    private static final Instant NOW = T0.plus(Duration.ofHours(1));
    /** The lease of a claim at {@link #NOW}. */
    private static final Instant LEASE_UNTIL = NOW.plus(Duration.ofMinutes(1));
    /** A seq no event has. */
    private static final long UNKNOWN_SEQ = Long.MAX_VALUE - 7;

    private EventStore events() {
        return store.events();
    }

    /** An email/password identity of {@code email}, carrying it as provider data. */
    private Identity userpass(String email) {
        return identity("local-userpass", email.replace('@', '-'), Map.of("email", email));
    }

    /** The app's newest event. */
    private UserEvent latest(App app) {
        return events().recent(app.id(), 1).get(0);
    }

    /** The event {@code seq} as stored now. */
    private UserEvent stored(long seq) {
        return events().recent(null, 10_000).stream().filter(e -> e.seq() == seq).findFirst().orElseThrow();
    }

    /** Signs up a guest of the app and returns its user.created event. */
    private UserEvent guestCreated(App app) {
        signUpGuest(app);
        return latest(app);
    }

    /** Links an email/password identity to the user and returns its user.linked event. */
    private UserEvent linked(App app, User user, String email) {
        assertThat(store.links().addIdentity(app.id(), user.id(), userpass(email))).isTrue();
        return latest(app);
    }

    private List<UserEvent> claim(App app, Instant now, int limit) {
        return events().claim(app.id(), now, now.plus(Duration.ofMinutes(1)), limit);
    }

    private static UserEvent finished(UserEvent e, Instant at, String outcome) {
        return new UserEvent(e.seq(), e.appId(), e.userId(), e.type(), e.detail(), e.createdAt(), e.attempts(),
                e.nextAttemptAt(), at, outcome, e.lastError());
    }

    private static UserEvent retried(UserEvent e, int attempts, Instant next, String error) {
        return new UserEvent(e.seq(), e.appId(), e.userId(), e.type(), e.detail(), e.createdAt(), attempts, next,
                e.finishedAt(), e.outcome(), error);
    }

    // ---------------------------------------------------------------- written by the other stores

    @Test
    void signUpWritesAPendingUserCreatedEventWithTheFirstIdentitysProviderAtTheUsersCreation() {
        App app = createApp();
        User user = signUp(newUser(app, userpass("ada@example.com"), guestIdentity())).user();

        UserEvent e = latest(app);

        assertThat(e).isEqualTo(new UserEvent(e.seq(), app.id(), user.id(), UserEvent.CREATED, "local-userpass",
                user.createdAt(), 0, user.createdAt(), null, null, null));
        assertThat(e.state()).isEqualTo("pending");
    }

    @Test
    void linkWritesAPendingUserLinkedEventWithTheLinkedProviderAConversionWhenTheUserWasAGuest() {
        App app = createApp();
        User guest = signUpGuest(app).user();
        Identity local = userpass("ada@example.com");
        store.links().addIdentity(app.id(), guest.id(), local);

        UserEvent e = latest(app);

        assertThat(e).isEqualTo(new UserEvent(e.seq(), app.id(), guest.id(), UserEvent.LINKED, "local-userpass",
                local.createdAt(), 0, local.createdAt(), null, null, null, null, true));
    }

    @Test
    void linkOfAUserThatIsNoLongerAGuestIsNoConversion() {
        App app = createApp();
        User guest = signUpGuest(app).user();
        store.links().addIdentity(app.id(), guest.id(), userpass("ada@example.com"));
        Identity key = identity("api-key", randomHex(12), Map.of());
        store.links().addIdentity(app.id(), guest.id(), key);
        User member = signUp(newUser(app, userpass("bob@example.com"))).user();
        store.links().addIdentity(app.id(), member.id(), identity("api-key", randomHex(12), Map.of()));

        List<UserEvent> links = events().recent(app.id(), 100).stream().filter(e -> e.type().equals(UserEvent.LINKED)).toList();

        assertThat(links).extracting(UserEvent::userId, UserEvent::detail, UserEvent::conversion).containsExactly(
                tuple(member.id(), "api-key", false), tuple(guest.id(), "api-key", false),
                tuple(guest.id(), "local-userpass", true));
    }

    @Test
    void deleteWritesAPendingUserDeletedEventWithTheReasonAtTheDeletionTime() {
        App app = createApp();
        User guest = signUpGuest(app).user();
        Instant at = nextInstant();
        store.users().delete(app.id(), guest.id(), DeletionReason.ADMIN, at);

        UserEvent e = latest(app);

        assertThat(e).isEqualTo(new UserEvent(e.seq(), app.id(), guest.id(), UserEvent.DELETED, "admin", at, 0, at,
                null, null, null));
    }

    @Test
    void refusedWritesWriteNoEvent() {
        App app = createApp();
        User holder = signUp(newUser(app, userpass("ada@example.com"))).user();
        User guest = signUpGuest(app).user();
        List<UserEvent> before = events().recent(app.id(), 100);

        assertThat(store.users().delete(app.id(), "000000000000000000000001", DeletionReason.ADMIN, nextInstant()))
                .isFalse();
        assertThat(store.links().addIdentity(app.id(), "000000000000000000000001", userpass("grace@example.com")))
                .isFalse();
        assertThatThrownBy(() -> store.links().addIdentity(app.id(), guest.id(), userpass("ada@example.com")))
                .isInstanceOf(IdentityTakenException.class);
        assertThatThrownBy(() -> signUp(newUser(app, userpass("ada@example.com"))))
                .isInstanceOf(IdentityTakenException.class);

        assertThat(events().recent(app.id(), 100)).isEqualTo(before);
        assertThat(store.users().find(app.id(), holder.id())).contains(holder);
    }

    // ---------------------------------------------------------------- recent

    @Test
    void recentReturnsTheAppsEventsNewestFirst() {
        App app = createApp();
        User ada = signUpGuest(app).user();
        store.links().addIdentity(app.id(), ada.id(), userpass("ada@example.com"));
        User grace = signUp(newUser(app, userpass("grace@example.com"))).user();
        store.users().delete(app.id(), grace.id(), DeletionReason.SELF, nextInstant());

        List<UserEvent> recent = events().recent(app.id(), 10);

        assertThat(recent).extracting(UserEvent::type, UserEvent::userId, UserEvent::detail).containsExactly(
                tuple(UserEvent.DELETED, grace.id(), "self"),
                tuple(UserEvent.CREATED, grace.id(), "local-userpass"),
                tuple(UserEvent.LINKED, ada.id(), "local-userpass"),
                tuple(UserEvent.CREATED, ada.id(), User.ANON_PROVIDER));
        assertThat(recent).isSortedAccordingTo(Comparator.comparingLong(UserEvent::seq).reversed())
                .extracting(UserEvent::seq).doesNotHaveDuplicates();
    }

    @Test
    void recentReturnsAtMostLimitOfTheNewest() {
        App app = createApp();
        List<UserEvent> written = IntStream.range(0, 5).mapToObj(i -> guestCreated(app)).toList();

        assertThat(events().recent(app.id(), 3)).containsExactly(written.get(4), written.get(3), written.get(2));
    }

    @Test
    void recentOfOneAppLeavesOutOtherAppsEvents() {
        App app = createApp();
        App other = createApp();
        UserEvent first = guestCreated(app);
        guestCreated(other);
        UserEvent second = guestCreated(app);

        assertThat(events().recent(app.id(), 10)).containsExactly(second, first);
    }

    @Test
    void recentOfNoAppReturnsEveryAppsEventsNewestFirst() {
        App app = createApp();
        App other = createApp();
        UserEvent first = guestCreated(app);
        UserEvent second = guestCreated(other);
        UserEvent third = guestCreated(app);

        assertThat(events().recent(null, 10)).containsExactly(third, second, first);
        assertThat(events().recent(null, 2)).containsExactly(third, second);
    }

    @Test
    void recentWhenNoneThenEmpty() {
        App app = createApp();

        assertThat(events().recent(app.id(), 10)).isEmpty();
        assertThat(events().recent(null, 10)).isEmpty();
    }

    // ---------------------------------------------------------------- claim

    // ---------------------------------------------------------------- skipDue

    @Test
    void skipDueFinishesTheAppsDuePendingEventsAsSkippedAndNothingIsLeftToClaim() {
        App app = createApp();
        List<UserEvent> written = IntStream.range(0, 3).mapToObj(i -> guestCreated(app)).toList();

        assertThat(events().skipDue(app.id(), NOW, 10)).isEqualTo(3);

        for (UserEvent e : written) {
            assertThat(stored(e.seq())).isEqualTo(finished(e, NOW, UserEvent.SKIPPED));
        }
        assertThat(events().claim(app.id(), NOW, LEASE_UNTIL, 10)).isEmpty();
        assertThat(events().skipDue(app.id(), NOW, 10)).isZero();
    }

    @Test
    void skipDueTakesAtMostLimitAndTheNextCallTheRest() {
        App app = createApp();
        IntStream.range(0, 5).forEach(i -> guestCreated(app));

        assertThat(events().skipDue(app.id(), NOW, 2)).isEqualTo(2);
        assertThat(events().skipDue(app.id(), NOW, 2)).isEqualTo(2);
        assertThat(events().skipDue(app.id(), NOW, 2)).isEqualTo(1);
        assertThat(events().skipDue(app.id(), NOW, 2)).isZero();
    }

    @Test
    void skipDueLeavesOutLeasedNotYetDueOtherAppsAndFinishedEvents() {
        App app = createApp();
        App other = createApp();
        UserEvent leased = guestCreated(app);
        assertThat(events().claim(app.id(), NOW, LEASE_UNTIL, 10)).containsExactly(leased);
        UserEvent delivered = guestCreated(app);
        assertThat(events().finish(delivered.seq(), UserEvent.DELIVERED, NOW)).isTrue();
        UserEvent theirs = guestCreated(other);
        signUpGuestAt(app, NOW.plusSeconds(30));
        UserEvent future = latest(app);

        assertThat(events().skipDue(app.id(), NOW, 10)).isZero();

        assertThat(stored(leased.seq()).finishedAt()).isNull();
        assertThat(stored(delivered.seq()).outcome()).isEqualTo(UserEvent.DELIVERED);
        assertThat(stored(theirs.seq()).finishedAt()).isNull();
        assertThat(stored(future.seq()).finishedAt()).isNull();
        assertThat(events().skipDue(app.id(), LEASE_UNTIL, 10)).as("once the lease ran out and the event is due").isEqualTo(2);
    }

    @Test
    void claimReturnsTheAppsDueEventsInSeqOrderAsStored() {
        App app = createApp();
        List<UserEvent> written = IntStream.range(0, 3).mapToObj(i -> guestCreated(app)).toList();

        assertThat(events().claim(app.id(), NOW, LEASE_UNTIL, 10)).containsExactlyElementsOf(written);
    }

    @Test
    void claimReturnsAtMostLimitOldestFirstAndTheNextClaimTheNextOnes() {
        App app = createApp();
        List<UserEvent> written = IntStream.range(0, 5).mapToObj(i -> guestCreated(app)).toList();

        assertThat(events().claim(app.id(), NOW, LEASE_UNTIL, 2)).containsExactly(written.get(0), written.get(1));
        assertThat(events().claim(app.id(), NOW, LEASE_UNTIL, 2)).containsExactly(written.get(2), written.get(3));
        assertThat(events().claim(app.id(), NOW, LEASE_UNTIL, 2)).containsExactly(written.get(4));
        assertThat(events().claim(app.id(), NOW, LEASE_UNTIL, 2)).isEmpty();
    }

    @Test
    void claimLeavesOutEventsNotYetDueUntilTheyAre() {
        App app = createApp();
        UserEvent due = guestCreated(app);
        Instant later = NOW.plusSeconds(30);
        signUpGuestAt(app, later);
        UserEvent future = latest(app);

        assertThat(events().claim(app.id(), NOW, LEASE_UNTIL, 10)).containsExactly(due);
        assertThat(events().claim(app.id(), later.minusMillis(1), LEASE_UNTIL, 10)).isEmpty();
        assertThat(events().claim(app.id(), later, LEASE_UNTIL, 10)).containsExactly(future);
    }

    @Test
    void claimLeavesOutOtherAppsEvents() {
        App app = createApp();
        App other = createApp();
        UserEvent ours = guestCreated(app);
        UserEvent theirs = guestCreated(other);

        assertThat(events().claim(app.id(), NOW, LEASE_UNTIL, 10)).containsExactly(ours);
        assertThat(events().claim(other.id(), NOW, LEASE_UNTIL, 10)).containsExactly(theirs);
    }

    @Test
    void claimTakesOnlyTheOldestPendingEventOfEachUser() {
        App app = createApp();
        User ada = signUpGuest(app).user();
        UserEvent adaCreated = latest(app);
        User grace = signUpGuest(app).user();
        UserEvent graceCreated = latest(app);
        UserEvent adaLinked = linked(app, ada, "ada@example.com");
        UserEvent graceLinked = linked(app, grace, "grace@example.com");

        assertThat(events().claim(app.id(), NOW, LEASE_UNTIL, 10)).containsExactly(adaCreated, graceCreated);
        assertThat(events().claim(app.id(), NOW, LEASE_UNTIL, 10)).as("while the older events are unfinished").isEmpty();

        assertThat(events().finish(adaCreated.seq(), UserEvent.DELIVERED, NOW)).isTrue();

        assertThat(events().claim(app.id(), NOW, LEASE_UNTIL, 10)).containsExactly(adaLinked);
        assertThat(events().finish(graceCreated.seq(), UserEvent.SKIPPED, NOW)).isTrue();
        assertThat(events().claim(app.id(), NOW, LEASE_UNTIL, 10)).containsExactly(graceLinked);
    }

    @Test
    void claimWhenTheUsersOldestPendingEventIsNotDueThenItsLaterEventsWaitToo() {
        App app = createApp();
        User ada = signUpGuest(app).user();
        UserEvent created = latest(app);
        UserEvent link = linked(app, ada, "ada@example.com");
        Instant next = NOW.plusSeconds(30);
        assertThat(events().retryLater(created.seq(), 1, next, "HTTP 503")).isTrue();

        assertThat(events().claim(app.id(), NOW, LEASE_UNTIL, 10)).isEmpty();

        assertThat(events().claim(app.id(), next, next.plusSeconds(60), 10))
                .containsExactly(retried(created, 1, next, "HTTP 503"));
        assertThat(events().finish(created.seq(), UserEvent.DELIVERED, next)).isTrue();
        assertThat(events().claim(app.id(), next, next.plusSeconds(60), 10)).containsExactly(link);
    }

    @Test
    void claimedEventIsNotClaimableAgainBeforeTheLeaseEndsButIsWhenItEnds() {
        App app = createApp();
        UserEvent e = guestCreated(app);
        assertThat(events().claim(app.id(), NOW, LEASE_UNTIL, 10)).containsExactly(e);

        assertThat(claim(app, NOW, 10)).isEmpty();
        assertThat(claim(app, LEASE_UNTIL.minusMillis(1), 10)).isEmpty();

        assertThat(claim(app, LEASE_UNTIL, 10)).containsExactly(e);
        assertThat(claim(app, LEASE_UNTIL, 10)).as("leased again by the second claim").isEmpty();
    }

    @Test
    void claimWhenNoneThenEmpty() {
        App app = createApp();
        App other = createApp();
        guestCreated(other);

        assertThat(events().claim(app.id(), NOW, LEASE_UNTIL, 10)).isEmpty();
        assertThat(events().claim("unknown-app00", NOW, LEASE_UNTIL, 10)).isEmpty();
    }

    @Test
    void claimDoesNotChangeTheEventsAsRecentShowsThem() {
        App app = createApp();
        IntStream.range(0, 3).forEach(i -> guestCreated(app));
        List<UserEvent> before = events().recent(app.id(), 10);

        events().claim(app.id(), NOW, LEASE_UNTIL, 10);

        assertThat(events().recent(app.id(), 10)).isEqualTo(before);
    }

    // ---------------------------------------------------------------- finish

    @Test
    void finishRecordsTheOutcomeAndTheTimeAndTheEventIsNoLongerClaimable() {
        App app = createApp();
        UserEvent e = guestCreated(app);
        UserEvent other = guestCreated(app);
        assertThat(events().claim(app.id(), NOW, LEASE_UNTIL, 1)).containsExactly(e);
        Instant at = NOW.plusMillis(250);

        assertThat(events().finish(e.seq(), UserEvent.DELIVERED, at)).isTrue();

        UserEvent done = stored(e.seq());
        assertThat(done).isEqualTo(finished(e, at, UserEvent.DELIVERED));
        assertThat(done.state()).isEqualTo(UserEvent.DELIVERED);
        assertThat(claim(app, LEASE_UNTIL.plusSeconds(3600), 10)).containsExactly(other);
        assertThat(stored(other.seq())).isEqualTo(other);
    }

    @Test
    void finishAsSkippedAnUnclaimedEventThenItIsSkippedAndNotClaimable() {
        App app = createApp();
        UserEvent e = guestCreated(app);

        assertThat(events().finish(e.seq(), UserEvent.SKIPPED, NOW)).isTrue();

        assertThat(stored(e.seq())).isEqualTo(finished(e, NOW, UserEvent.SKIPPED));
        assertThat(stored(e.seq()).state()).isEqualTo(UserEvent.SKIPPED);
        assertThat(events().claim(app.id(), NOW, LEASE_UNTIL, 10)).isEmpty();
    }

    @Test
    void finishWhenTheSeqIsUnknownThenFalseAndNothingChanges() {
        App app = createApp();
        guestCreated(app);
        List<UserEvent> before = events().recent(null, 10);

        assertThat(events().finish(UNKNOWN_SEQ, UserEvent.DELIVERED, NOW)).isFalse();

        assertThat(events().recent(null, 10)).isEqualTo(before);
    }

    // ---------------------------------------------------------------- retryLater

    @Test
    void retryLaterRecordsTheAttemptsTheErrorAndTheNextAttemptAndKeepsTheEventPending() {
        App app = createApp();
        UserEvent e = guestCreated(app);
        events().claim(app.id(), NOW, LEASE_UNTIL, 10);
        Instant next = NOW.plusSeconds(1);

        assertThat(events().retryLater(e.seq(), 1, next, "HTTP 503")).isTrue();

        UserEvent pending = stored(e.seq());
        assertThat(pending).isEqualTo(retried(e, 1, next, "HTTP 503"));
        assertThat(pending.state()).isEqualTo("pending");
    }

    @Test
    void retryLaterAgainReplacesTheAttemptsAndTheError() {
        App app = createApp();
        UserEvent e = guestCreated(app);
        events().retryLater(e.seq(), 1, NOW.plusSeconds(1), "HTTP 503");

        assertThat(events().retryLater(e.seq(), 2, NOW.plusSeconds(3), "connection refused")).isTrue();

        assertThat(stored(e.seq())).isEqualTo(retried(e, 2, NOW.plusSeconds(3), "connection refused"));
    }

    @Test
    void retryLaterMakesTheEventClaimableAgainAtItsNextAttemptEvenBeforeTheLeaseEnds() {
        App app = createApp();
        UserEvent e = guestCreated(app);
        events().claim(app.id(), NOW, LEASE_UNTIL, 10);
        Instant next = NOW.plusSeconds(1);
        events().retryLater(e.seq(), 1, next, "HTTP 503");

        assertThat(claim(app, next.minusMillis(1), 10)).isEmpty();

        assertThat(claim(app, next, 10)).containsExactly(retried(e, 1, next, "HTTP 503"));
    }

    @Test
    void retryLaterWhenTheSeqIsUnknownThenFalseAndNothingChanges() {
        App app = createApp();
        guestCreated(app);
        List<UserEvent> before = events().recent(null, 10);

        assertThat(events().retryLater(UNKNOWN_SEQ, 1, NOW, "HTTP 503")).isFalse();

        assertThat(events().recent(null, 10)).isEqualTo(before);
    }

    // ---------------------------------------------------------------- trim

    @Test
    void trimDeletesEventsFinishedBeforeTheCutoffAndPendingOnesCreatedBeforeItAndKeepsTheRest() {
        App app = createApp();
        App other = createApp();
        Instant before = T0.plus(Duration.ofDays(7));
        UserEvent finishedLongAgo = guestCreated(app);
        events().finish(finishedLongAgo.seq(), UserEvent.DELIVERED, before.minusMillis(1));
        guestCreated(app);
        UserEvent retriedLongAgo = guestCreated(other);
        events().retryLater(retriedLongAgo.seq(), 3, before.plusSeconds(60), "HTTP 503");
        signUpGuestAt(app, before);
        UserEvent pendingAtCutoff = latest(app);
        signUpGuestAt(app, before);
        UserEvent finishedAtCutoff = latest(app);
        events().finish(finishedAtCutoff.seq(), UserEvent.SKIPPED, before);
        signUpGuestAt(other, before.plusMillis(1));
        UserEvent pendingAfter = latest(other);

        assertThat(events().trim(before)).isEqualTo(3);

        assertThat(events().recent(null, 100))
                .containsExactly(pendingAfter, finished(finishedAtCutoff, before, UserEvent.SKIPPED), pendingAtCutoff);
    }

    @Test
    void trimWhenNothingIsOldEnoughThenZeroAndEverythingKept() {
        App app = createApp();
        UserEvent e = guestCreated(app);
        UserEvent done = guestCreated(app);
        events().finish(done.seq(), UserEvent.DELIVERED, NOW);
        List<UserEvent> before = events().recent(null, 10);

        assertThat(events().trim(e.createdAt())).isZero();

        assertThat(events().recent(null, 10)).isEqualTo(before);
    }

    // ---------------------------------------------------------------- races

    @Test
    void claimConcurrentlyBySeveralNodesGivesEachEventToExactlyOneOfThem() {
        int users = 100;
        int limit = 9;
        App app = createApp();
        List<Long> written = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            written.add(guestCreated(app).seq());
        }

        List<Outcome<List<Long>>> outcomes = concurrently(THREADS, i -> {
            List<Long> mine = new ArrayList<>();
            List<UserEvent> batch;
            do {
                batch = events().claim(app.id(), NOW, LEASE_UNTIL, limit);
                assertThat(batch).as("one claim").hasSizeLessThanOrEqualTo(limit);
                batch.forEach(e -> mine.add(e.seq()));
            } while (!batch.isEmpty());
            return mine;
        });

        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).as("error of a claimer").isNull());
        List<Long> claimed = outcomes.stream().flatMap(o -> o.value().stream()).toList();
        assertThat(claimed).as("events claimed by all claimers").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(written);
        assertThat(events().claim(app.id(), NOW, LEASE_UNTIL, limit)).isEmpty();
    }
}
