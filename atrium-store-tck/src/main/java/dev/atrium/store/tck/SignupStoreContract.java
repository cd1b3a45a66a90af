package dev.atrium.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.core.admission.GuestClaim;
import dev.atrium.core.admission.GuestLimitExceededException;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.RateLimit;
import dev.atrium.core.auth.IdentityTakenException;
import dev.atrium.core.auth.SignupStore;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SignupStore}. Guest admission is the same on every backend; whether its
 * buckets are shared by several processes (PostgreSQL) is the backend's own test.
 */
public abstract class SignupStoreContract extends StoreContract {

    private SignupStore signups() {
        return store.signups();
    }

    @Test
    void createUserWithSessionThenUserIdentitiesAndSessionAreFound() {
        App app = createApp();
        User user = newUser(app, guestIdentity(), identity("local-userpass", "ada@example.com",
                Map.of("email", "ada@example.com")));
        Session session = newSession(user);

        signups().createUserWithSession(user, session);

        assertThat(store.users().find(app.id(), user.id())).contains(user);
        for (Identity i : user.identities()) {
            assertThat(store.users().findByIdentity(app.id(), i.providerType(), i.subject())).contains(user);
        }
        assertThat(store.sessions().find(session.userId(), session.id())).contains(session);
    }

    @Test
    void createUserWithSessionWhenIdentityIsTakenThenThrowsIdentityTakenAndWritesNothing() {
        App app = createApp();
        Signup holder = signUp(newUser(app, identity("local-userpass", "ada@example.com", Map.of())));
        Identity fresh = guestIdentity();
        User late = newUser(app, fresh, identity("local-userpass", "ada@example.com", Map.of()));
        Session lateSession = newSession(late);

        assertThatThrownBy(() -> signups().createUserWithSession(late, lateSession))
                .isInstanceOf(IdentityTakenException.class);

        assertThat(store.users().find(app.id(), late.id())).isEmpty();
        assertThat(store.users().findByIdentity(app.id(), fresh.providerType(), fresh.subject())).isEmpty();
        assertThat(store.sessions().find(lateSession.userId(), lateSession.id())).isEmpty();
        assertThat(store.users().findByIdentity(app.id(), "local-userpass", "ada@example.com"))
                .contains(holder.user());
        assertThat(store.sessions().find(holder.session().userId(), holder.session().id())).contains(holder.session());
    }

    @Test
    void createUserWithSessionWhenFirstIdentityIsTakenThenThrowsIdentityTakenAndWritesNothing() {
        App app = createApp();
        Signup holder = signUpGuest(app);
        Identity taken = holder.user().identities().get(0);
        User late = newUser(app, identity(taken.providerType(), taken.subject(), Map.of()));
        Session lateSession = newSession(late);

        assertThatThrownBy(() -> signups().createUserWithSession(late, lateSession))
                .isInstanceOf(IdentityTakenException.class);

        assertThat(store.users().find(app.id(), late.id())).isEmpty();
        assertThat(store.sessions().find(lateSession.userId(), lateSession.id())).isEmpty();
        assertThat(store.users().findByIdentity(app.id(), taken.providerType(), taken.subject()))
                .contains(holder.user());
    }

    @Test
    void createUserWithSessionWhenIdentityIsHeldInAnotherAppThenSucceeds() {
        App app = createApp();
        App other = createApp();
        User first = signUp(newUser(app, identity("local-userpass", "ada@example.com", Map.of()))).user();

        User second = signUp(newUser(other, identity("local-userpass", "ada@example.com", Map.of()))).user();

        assertThat(store.users().findByIdentity(app.id(), "local-userpass", "ada@example.com")).contains(first);
        assertThat(store.users().findByIdentity(other.id(), "local-userpass", "ada@example.com")).contains(second);
    }

    @Test
    void createUserWithSessionConcurrentlyWithTheSameIdentityThenExactlyOneWins() {
        App app = createApp();
        List<User> users = new ArrayList<>();
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            User user = newUser(app, identity("local-userpass", "race@example.com", Map.of()));
            users.add(user);
            sessions.add(newSession(user));
        }

        List<Outcome<Integer>> outcomes = concurrently(THREADS, i -> {
            signups().createUserWithSession(users.get(i), sessions.get(i));
            return i;
        });

        List<Integer> winners = outcomes.stream().filter(Outcome::succeeded).map(Outcome::value).toList();
        assertThat(winners).as("threads whose sign-up succeeded").hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded())
                .allSatisfy(o -> assertThat(o.error()).isInstanceOf(IdentityTakenException.class));
        int winner = winners.get(0);
        assertThat(store.users().findByIdentity(app.id(), "local-userpass", "race@example.com"))
                .contains(users.get(winner));
        for (int i = 0; i < THREADS; i++) {
            if (i != winner) {
                assertThat(store.users().find(app.id(), users.get(i).id())).isEmpty();
                assertThat(store.sessions().find(sessions.get(i).userId(), sessions.get(i).id())).isEmpty();
            }
        }
        assertThat(store.sessions().find(sessions.get(winner).userId(), sessions.get(winner).id())).contains(sessions.get(winner));
    }

    // ---------------------------------------------------------------- guest admission

    /** 3 at once, then one a second. */
    private static final RateLimit THREE_THEN_ONE_A_SECOND = new RateLimit(3, 1, Duration.ofSeconds(1));

    private GuestClaim claim(App app, String network, RateLimit budget, Instant at) {
        return new GuestClaim(app.id(), network, THREE_THEN_ONE_A_SECOND, budget, at);
    }

    /** Signs up a guest under {@code claim}; the refusal, or null when admitted. */
    private GuestLimitExceededException guestUnder(App app, GuestClaim claim) {
        User user = newUser(app, guestIdentity());
        Session session = newSession(user);
        try {
            signups().createGuest(user, session, claim);
        } catch (GuestLimitExceededException e) {
            assertThat(store.users().find(app.id(), user.id())).as("a refused guest is not written").isEmpty();
            assertThat(store.sessions().find(session.userId(), session.id())).isEmpty();
            return e;
        }
        assertThat(store.users().find(app.id(), user.id())).contains(user);
        assertThat(store.sessions().find(session.userId(), session.id())).contains(session);
        return null;
    }

    @Test
    void createGuestBeyondTheBurstThenRefusedWithTheWaitAndWritesNothingWhileAnotherNetworkIsAdmitted() {
        App app = createApp();
        for (int i = 0; i < 3; i++) {
            assertThat(guestUnder(app, claim(app, "198.51.100.7", null, T0))).as("sign-up %d", i + 1).isNull();
        }

        GuestLimitExceededException refused = guestUnder(app, claim(app, "198.51.100.7", null, T0.plusMillis(250)));

        assertThat(refused).isNotNull();
        assertThat(refused.scope()).isEqualTo(GuestLimitExceededException.Scope.CLIENT);
        assertThat(refused.retryAfter()).isBetween(Duration.ofMillis(750), Duration.ofMillis(751));
        assertThat(guestUnder(app, claim(app, "198.51.100.8", null, T0.plusMillis(250)))).isNull();
        App other = createApp();
        assertThat(guestUnder(other, claim(other, "198.51.100.7", null, T0.plusMillis(250)))).as("another app's bucket").isNull();
    }

    @Test
    void createGuestAfterTheBucketRefilledThenAdmittedAgain() {
        App app = createApp();
        for (int i = 0; i < 3; i++) {
            guestUnder(app, claim(app, "198.51.100.7", null, T0));
        }
        assertThat(guestUnder(app, claim(app, "198.51.100.7", null, T0.plusMillis(999)))).isNotNull();

        assertThat(guestUnder(app, claim(app, "198.51.100.7", null, T0.plusSeconds(1)))).as("one token refilled").isNull();
        assertThat(guestUnder(app, claim(app, "198.51.100.7", null, T0.plusSeconds(1)))).isNotNull();
        assertThat(guestUnder(app, claim(app, "198.51.100.7", null, T0.plusSeconds(60)))).as("full again").isNull();
    }

    @Test
    void createGuestWhenTheAppBudgetIsSpentThenRefusedByTheAppFromAnyNetwork() {
        App app = createApp();
        RateLimit budget = new RateLimit(2, 1, Duration.ofHours(1));
        assertThat(guestUnder(app, claim(app, "198.51.100.1", budget, T0))).isNull();
        assertThat(guestUnder(app, claim(app, "198.51.100.2", budget, T0))).isNull();

        GuestLimitExceededException refused = guestUnder(app, claim(app, "198.51.100.3", budget, T0));

        assertThat(refused).isNotNull();
        assertThat(refused.scope()).isEqualTo(GuestLimitExceededException.Scope.APP);
        assertThat(refused.retryAfter()).isBetween(Duration.ofHours(1), Duration.ofHours(1).plusMillis(1));
    }

    @Test
    void createGuestConcurrentlyFromOneNetworkThenExactlyTheBurstIsAdmitted() {
        App app = createApp();

        List<Outcome<Boolean>> outcomes = concurrently(THREADS,
                i -> guestUnder(app, claim(app, "203.0.113.5", null, T0)) == null);

        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
        assertThat(outcomes).filteredOn(Outcome::value).as("admitted").hasSize(3);
    }

    /**
     * A burst of a thousand: big enough that a store sharing its buckets may lease them to a node
     * in grants (docs/scaling.md, "Leases for big buckets"); one by one, still exactly the burst.
     */
    @Test
    void createGuestOneByOneWithABigBurstThenExactlyTheBurstIsAdmitted() {
        App app = createApp();
        RateLimit thousand = new RateLimit(1_000, 1, Duration.ofHours(1));
        int admitted = 0;
        while (admitted <= 1_000 && guestUnder(app, new GuestClaim(app.id(), "198.51.100.10", thousand, null, T0)) == null) {
            admitted++;
        }

        assertThat(admitted).isEqualTo(1_000);
        assertThat(guestUnder(app, new GuestClaim(app.id(), "198.51.100.10", thousand, null, T0.plusMillis(1))))
                .as("still drained").isNotNull();
    }

    @Test
    void createGuestWithTheLimitsOfAnotherBurstThenTheBucketFollowsTheNewLimit() {
        App app = createApp();
        RateLimit one = new RateLimit(1, 1, Duration.ofHours(1));
        assertThat(guestUnder(app, new GuestClaim(app.id(), "198.51.100.9", one, null, T0))).isNull();
        assertThat(guestUnder(app, new GuestClaim(app.id(), "198.51.100.9", one, null, T0))).isNotNull();

        RateLimit raised = new RateLimit(5, 1, Duration.ofSeconds(1));
        assertThat(guestUnder(app, new GuestClaim(app.id(), "198.51.100.9", raised, null, T0.plusSeconds(2))))
                .as("refilled at the new rate up to the new burst").isNull();
    }
}
