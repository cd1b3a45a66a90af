package dev.atrium.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.atrium.core.apps.App;
import dev.atrium.core.auth.apikey.ApiKey;
import dev.atrium.core.events.UserEvent;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.lifecycle.SweepStore;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SweepStore}. Guests (users whose only identity is anon-user) are written
 * by sign-ups, as in the product; linked users by sign-ups and links.
 */
public abstract class SweepStoreContract extends StoreContract {
    /** The sweeps' cutoff: every user signed up at {@link #nextInstant()} was last active before it. */
    private static final Instant CUTOFF = T0.plus(Duration.ofDays(30));
    /** When the sweeps run: the time of their events. */
    private static final Instant AT = CUTOFF.plus(Duration.ofDays(30)).plusMillis(7);

    private SweepStore sweeps() {
        return store.sweeps();
    }

    /** An email/password identity of {@code email}, carrying it as provider data. */
    private Identity userpass(String email) {
        return identity("local-userpass", email.replace('@', '-'), Map.of("email", email));
    }

    /** A guest, last active before the cutoff, whose email/password identity was linked afterwards. */
    private User linkedGuest(App app, String email) {
        User guest = signUpGuest(app).user();
        assertThat(store.links().addIdentity(app.id(), guest.id(), userpass(email))).isTrue();
        return store.users().find(app.id(), guest.id()).orElseThrow();
    }

    /** The app's user.deleted events, newest first. */
    private List<UserEvent> deletedEvents(App app) {
        return store.events().recent(app.id(), 10_000).stream().filter(e -> e.type().equals(UserEvent.DELETED)).toList();
    }

    // ---------------------------------------------------------------- deleteInactiveGuests

    @Test
    void deleteInactiveGuestsDeletesTheGuestsLastActiveBeforeTheCutoffAndReturnsHowMany() {
        App app = createApp();
        List<User> guests = IntStream.range(0, 3).mapToObj(i -> signUpGuest(app).user()).toList();
        User justBefore = signUpGuestAt(app, CUTOFF.minusMillis(1)).user();

        assertThat(sweeps().deleteInactiveGuests(app.id(), CUTOFF, 10, AT)).isEqualTo(4);

        for (User guest : guests) {
            assertThat(store.users().find(app.id(), guest.id())).isEmpty();
        }
        assertThat(store.users().find(app.id(), justBefore.id())).isEmpty();
    }

    @Test
    void deleteInactiveGuestsKeepsAGuestLastActiveAtTheCutoffOrAfter() {
        App app = createApp();
        User old = signUpGuest(app).user();
        User atCutoff = signUpGuestAt(app, CUTOFF).user();
        User after = signUpGuestAt(app, CUTOFF.plusMillis(1)).user();

        assertThat(sweeps().deleteInactiveGuests(app.id(), CUTOFF, 10, AT)).isEqualTo(1);

        assertThat(store.users().find(app.id(), old.id())).isEmpty();
        assertThat(store.users().find(app.id(), atCutoff.id())).contains(atCutoff);
        assertThat(store.users().find(app.id(), after.id())).contains(after);
    }

    @Test
    void deleteInactiveGuestsKeepsAGuestWhoseActivityWasRecordedSinceTheCutoff() {
        App app = createApp();
        User guest = signUpGuest(app).user();
        Instant active = CUTOFF.plusSeconds(60);
        assertThat(store.users().recordActivity(app.id(), guest.id(), active, active.minusSeconds(3600))).isTrue();

        assertThat(sweeps().deleteInactiveGuests(app.id(), CUTOFF, 10, AT)).isZero();

        assertThat(store.users().find(app.id(), guest.id()).orElseThrow().lastActiveAt()).isEqualTo(active);
    }

    @Test
    void deleteInactiveGuestsNeverDeletesAUserWithAnIdentityOtherThanAnonymousHoweverOld() {
        App app = createApp();
        User linked = linkedGuest(app, "ada@example.com");
        User signedUpLinked = signUp(newUser(app, guestIdentity(), userpass("grace@example.com"))).user();
        User lasting = signUp(newUser(app, userpass("alan@example.com"))).user();
        User guest = signUpGuest(app).user();

        assertThat(sweeps().deleteInactiveGuests(app.id(), AT, 10, AT)).isEqualTo(1);

        assertThat(store.users().find(app.id(), guest.id())).isEmpty();
        assertThat(store.users().find(app.id(), linked.id())).contains(linked);
        assertThat(store.users().find(app.id(), signedUpLinked.id())).contains(signedUpLinked);
        assertThat(store.users().find(app.id(), lasting.id())).contains(lasting);
    }

    @Test
    void deleteInactiveGuestsLeavesOtherAppsGuestsAlone() {
        App app = createApp();
        App other = createApp();
        Signup theirs = signUpGuest(other);
        User ours = signUpGuest(app).user();

        assertThat(sweeps().deleteInactiveGuests(app.id(), CUTOFF, 10, AT)).isEqualTo(1);

        assertThat(store.users().find(app.id(), ours.id())).isEmpty();
        assertThat(store.users().find(other.id(), theirs.user().id())).contains(theirs.user());
        assertThat(store.sessions().find(theirs.session().userId(), theirs.session().id())).contains(theirs.session());
        assertThat(deletedEvents(other)).isEmpty();
    }

    @Test
    void deleteInactiveGuestsDeletesAtMostLimitAndRepeatedCallsFinishTheJob() {
        App app = createApp();
        List<User> guests = IntStream.range(0, 5).mapToObj(i -> signUpGuest(app).user()).toList();

        assertThat(sweeps().deleteInactiveGuests(app.id(), CUTOFF, 2, AT)).isEqualTo(2);
        assertThat(sweeps().countInactiveGuests(app.id(), CUTOFF)).isEqualTo(3);
        assertThat(sweeps().deleteInactiveGuests(app.id(), CUTOFF, 2, AT)).isEqualTo(2);
        assertThat(sweeps().deleteInactiveGuests(app.id(), CUTOFF, 2, AT)).isEqualTo(1);
        assertThat(sweeps().deleteInactiveGuests(app.id(), CUTOFF, 2, AT)).isZero();

        for (User guest : guests) {
            assertThat(store.users().find(app.id(), guest.id())).isEmpty();
        }
        assertThat(deletedEvents(app)).extracting(UserEvent::userId)
                .containsExactlyInAnyOrderElementsOf(guests.stream().map(User::id).toList());
    }

    @Test
    void deleteInactiveGuestsDeletesTheGuestsIdentitiesSessionsAndApiKeysAndFreesTheIdentity() {
        App app = createApp();
        Signup signup = signUpGuest(app);
        User guest = signup.user();
        Session second = newSession(guest);
        store.sessions().insert(second);
        Instant keyCreated = nextInstant();
        ApiKey key = new ApiKey(ObjectIds.next(keyCreated), app.id(), guest.id(), "ci", randomHex(32), false, keyCreated);
        assertThat(store.apiKeys().create(key)).isTrue();
        Identity anon = guest.identities().get(0);

        assertThat(sweeps().deleteInactiveGuests(app.id(), CUTOFF, 10, AT)).isEqualTo(1);

        assertThat(store.users().find(app.id(), guest.id())).isEmpty();
        assertThat(store.users().findByIdentity(app.id(), anon.providerType(), anon.subject())).isEmpty();
        assertThat(store.sessions().find(signup.session().userId(), signup.session().id())).isEmpty();
        assertThat(store.sessions().find(second.userId(), second.id())).isEmpty();
        assertThat(store.apiKeys().find(app.id(), guest.id(), key.id())).isEmpty();
        assertThat(store.apiKeys().findByHash(app.id(), key.keyHash())).isEmpty();
        User next = signUp(newUser(app, identity(anon.providerType(), anon.subject(), Map.of()))).user();
        assertThat(store.users().findByIdentity(app.id(), anon.providerType(), anon.subject())).contains(next);
    }

    @Test
    void deleteInactiveGuestsWritesOneUserDeletedEventWithReasonInactivityAtTheSweepTimePerDeletedGuest() {
        App app = createApp();
        User first = signUpGuest(app).user();
        User second = signUpGuest(app).user();
        signUpGuestAt(app, CUTOFF);
        linkedGuest(app, "ada@example.com");

        sweeps().deleteInactiveGuests(app.id(), CUTOFF, 10, AT);

        assertThat(deletedEvents(app))
                .extracting(UserEvent::appId, UserEvent::userId, UserEvent::detail, UserEvent::createdAt, UserEvent::state)
                .containsExactlyInAnyOrder(
                        tuple(app.id(), first.id(), "inactivity", AT, "pending"),
                        tuple(app.id(), second.id(), "inactivity", AT, "pending"));
    }

    @Test
    void deleteInactiveGuestsWhenNoneThenZeroAndNothingChanges() {
        App app = createApp();
        Signup recent = signUpGuestAt(app, CUTOFF);
        User linked = linkedGuest(app, "ada@example.com");
        List<UserEvent> events = store.events().recent(null, 100);

        assertThat(sweeps().deleteInactiveGuests(app.id(), CUTOFF, 10, AT)).isZero();

        assertThat(store.users().find(app.id(), recent.user().id())).contains(recent.user());
        assertThat(store.sessions().find(recent.session().userId(), recent.session().id())).contains(recent.session());
        assertThat(store.users().find(app.id(), linked.id())).contains(linked);
        assertThat(store.events().recent(null, 100)).isEqualTo(events);
    }

    @Test
    void deleteInactiveGuestsWhenTheAppIsUnknownThenZero() {
        App app = createApp();
        User guest = signUpGuest(app).user();

        assertThat(sweeps().deleteInactiveGuests("unknown-app00", CUTOFF, 10, AT)).isZero();

        assertThat(store.users().find(app.id(), guest.id())).contains(guest);
    }

    @Test
    void deleteInactiveGuestsDeletesExactlyTheGuestsThatInactiveGuestsLists() {
        App app = createApp();
        List<User> old = IntStream.range(0, 4).mapToObj(i -> signUpGuest(app).user()).toList();
        User recent = signUpGuestAt(app, CUTOFF).user();
        User linked = linkedGuest(app, "ada@example.com");
        List<String> listed = sweeps().inactiveGuests(app.id(), CUTOFF, 100);

        assertThat(sweeps().deleteInactiveGuests(app.id(), CUTOFF, 100, AT)).isEqualTo(listed.size());

        assertThat(listed).containsExactlyInAnyOrderElementsOf(old.stream().map(User::id).toList());
        assertThat(deletedEvents(app)).extracting(UserEvent::userId).containsExactlyInAnyOrderElementsOf(listed);
        assertThat(store.users().find(app.id(), recent.id())).contains(recent);
        assertThat(store.users().find(app.id(), linked.id())).contains(linked);
    }

    // ---------------------------------------------------------------- countInactiveGuests, inactiveGuests

    @Test
    void countInactiveGuestsCountsOnlyTheAppsGuestsLastActiveBeforeTheCutoff() {
        App app = createApp();
        App other = createApp();
        IntStream.range(0, 3).forEach(i -> signUpGuest(app));
        signUpGuestAt(app, CUTOFF.minusMillis(1));
        signUpGuestAt(app, CUTOFF);
        signUpGuestAt(app, CUTOFF.plusMillis(1));
        linkedGuest(app, "ada@example.com");
        signUp(newUser(app, userpass("grace@example.com")));
        signUpGuest(other);

        assertThat(sweeps().countInactiveGuests(app.id(), CUTOFF)).isEqualTo(4);
        assertThat(sweeps().countInactiveGuests(other.id(), CUTOFF)).isEqualTo(1);
    }

    @Test
    void countInactiveGuestsWhenNoneThenZero() {
        App app = createApp();
        signUpGuestAt(app, CUTOFF);
        linkedGuest(app, "ada@example.com");

        assertThat(sweeps().countInactiveGuests(app.id(), CUTOFF)).isZero();
        assertThat(sweeps().countInactiveGuests("unknown-app00", CUTOFF)).isZero();
    }

    @Test
    void inactiveGuestsListsTheAppsInactiveGuestsLeastRecentlyActiveFirst() {
        App app = createApp();
        App other = createApp();
        User middle = signUpGuestAt(app, CUTOFF.minus(Duration.ofHours(2))).user();
        User oldest = signUpGuestAt(app, CUTOFF.minus(Duration.ofHours(3))).user();
        User newest = signUpGuestAt(app, CUTOFF.minusMillis(1)).user();
        signUpGuestAt(app, CUTOFF);
        linkedGuest(app, "ada@example.com");
        signUpGuest(other);

        assertThat(sweeps().inactiveGuests(app.id(), CUTOFF, 10)).containsExactly(oldest.id(), middle.id(), newest.id());
    }

    @Test
    void inactiveGuestsReturnsAtMostLimitLeastRecentlyActiveFirst() {
        App app = createApp();
        User middle = signUpGuestAt(app, CUTOFF.minus(Duration.ofHours(2))).user();
        User oldest = signUpGuestAt(app, CUTOFF.minus(Duration.ofHours(3))).user();
        signUpGuestAt(app, CUTOFF.minus(Duration.ofHours(1)));

        assertThat(sweeps().inactiveGuests(app.id(), CUTOFF, 2)).containsExactly(oldest.id(), middle.id());
    }

    @Test
    void inactiveGuestsWhenNoneThenEmpty() {
        App app = createApp();
        signUpGuestAt(app, CUTOFF);
        linkedGuest(app, "ada@example.com");

        assertThat(sweeps().inactiveGuests(app.id(), CUTOFF, 10)).isEmpty();
        assertThat(sweeps().inactiveGuests("unknown-app00", CUTOFF, 10)).isEmpty();
    }

    @Test
    void countInactiveGuestsAndInactiveGuestsAgree() {
        App app = createApp();
        IntStream.range(0, 5).forEach(i -> signUpGuest(app));
        signUpGuestAt(app, CUTOFF);
        linkedGuest(app, "ada@example.com");

        List<String> listed = sweeps().inactiveGuests(app.id(), CUTOFF, 100);

        assertThat(listed).hasSize(5).doesNotHaveDuplicates();
        assertThat(sweeps().countInactiveGuests(app.id(), CUTOFF)).isEqualTo(listed.size());
    }

    @Test
    void countInactiveGuestsAndInactiveGuestsChangeNothing() {
        App app = createApp();
        List<Signup> guests = IntStream.range(0, 3).mapToObj(i -> signUpGuest(app)).toList();
        List<UserEvent> events = store.events().recent(null, 100);

        sweeps().countInactiveGuests(app.id(), CUTOFF);
        sweeps().inactiveGuests(app.id(), CUTOFF, 10);

        for (Signup guest : guests) {
            assertThat(store.users().find(app.id(), guest.user().id())).contains(guest.user());
            assertThat(store.sessions().find(guest.session().userId(), guest.session().id())).contains(guest.session());
        }
        assertThat(store.events().recent(null, 100)).isEqualTo(events);
        assertThat(sweeps().countInactiveGuests(app.id(), CUTOFF)).isEqualTo(3);
    }

    // ---------------------------------------------------------------- races

    @Test
    void deleteInactiveGuestsConcurrentlyBySeveralSweepersDeletesEachGuestExactlyOnce() {
        int guests = 200;
        int limit = 17;
        App app = createApp();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < guests; i++) {
            ids.add(signUpGuest(app).user().id());
        }
        User recent = signUpGuestAt(app, CUTOFF).user();

        List<Outcome<Integer>> outcomes = concurrently(THREADS, i -> {
            int deleted = 0;
            int n;
            do {
                n = sweeps().deleteInactiveGuests(app.id(), CUTOFF, limit, AT);
                assertThat(n).as("one batch").isBetween(0, limit);
                deleted += n;
            } while (n > 0);
            return deleted;
        });

        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).as("error of a sweeper").isNull());
        assertThat(outcomes.stream().mapToInt(Outcome::value).sum()).as("guests deleted by all sweepers").isEqualTo(guests);
        List<UserEvent> deleted = deletedEvents(app);
        assertThat(deleted).as("user.deleted events").hasSize(guests);
        assertThat(deleted).extracting(UserEvent::userId).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        assertThat(sweeps().countInactiveGuests(app.id(), CUTOFF)).isZero();
        assertThat(store.users().find(app.id(), recent.id())).contains(recent);
    }
}
