package dev.atrium.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.core.apps.App;
import dev.atrium.core.auth.passkey.Ceremony;
import dev.atrium.core.auth.passkey.PasskeyChallenge;
import dev.atrium.core.auth.passkey.PasskeyCredential;
import dev.atrium.core.auth.passkey.PasskeyStore;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.users.DeletionReason;
import dev.atrium.core.users.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The contract of {@link PasskeyStore}: challenges taken once, passkeys unique per app, counters set by compare and set. */
public abstract class PasskeyStoreContract extends StoreContract {
    static final Duration LIFETIME = Duration.ofMinutes(5);

    private PasskeyStore passkeys() {
        return store.passkeys();
    }

    private PasskeyChallenge login(App app, Instant at) {
        return new PasskeyChallenge(randomHex(32), app.id(), Ceremony.LOGIN, null, at, at.plus(LIFETIME));
    }

    private PasskeyChallenge registration(App app, User user, Instant at) {
        return new PasskeyChallenge(randomHex(32), app.id(), Ceremony.REGISTRATION, user.id(), at, at.plus(LIFETIME));
    }

    /** A new passkey (not stored) of the user, created at {@code at}. */
    private static PasskeyCredential passkey(User owner, String credentialId, Instant at) {
        return new PasskeyCredential(ObjectIds.next(at), owner.appId(), owner.id(), credentialId, randomHex(60),
                "00000000-0000-0000-0000-000000000000", 0, List.of("internal", "hybrid"), true, false, "Phone", at, null);
    }

    private PasskeyCredential stored(User owner) {
        PasskeyCredential p = passkey(owner, randomHex(16), nextInstant());
        assertThat(passkeys().insertCredential(p)).isTrue();
        return p;
    }

    // ---------------------------------------------------------------- challenges

    @Test
    void takeChallengeReturnsItAsWrittenOnceThenNothing() {
        App app = createApp();
        User user = signUpGuest(app).user();
        PasskeyChallenge login = login(app, nextInstant());
        PasskeyChallenge registration = registration(app, user, nextInstant());
        passkeys().insertChallenge(login);
        passkeys().insertChallenge(registration);

        assertThat(passkeys().takeChallenge(login.id(), login.createdAt())).contains(login);
        assertThat(passkeys().takeChallenge(registration.id(), registration.createdAt().plusSeconds(1))).contains(registration);
        assertThat(passkeys().takeChallenge(login.id(), login.createdAt())).isEmpty();
        assertThat(passkeys().takeChallenge(registration.id(), registration.createdAt())).isEmpty();
    }

    @Test
    void takeChallengeWhenExpiredThenEmptyAndGone() {
        App app = createApp();
        PasskeyChallenge c = login(app, nextInstant());
        passkeys().insertChallenge(c);

        assertThat(passkeys().takeChallenge(c.id(), c.expiresAt())).isEmpty();
        assertThat(passkeys().takeChallenge(c.id(), c.createdAt())).as("an expired take removes it all the same").isEmpty();
    }

    @Test
    void insertChallengeWhenAppUnknownOrIdTakenThenThrowsIllegalStateAndKeepsTheFirst() {
        App app = createApp();
        PasskeyChallenge c = login(app, nextInstant());
        passkeys().insertChallenge(c);
        PasskeyChallenge sameId = new PasskeyChallenge(c.id(), app.id(), Ceremony.LOGIN, null, c.createdAt(), c.expiresAt());
        PasskeyChallenge orphan = new PasskeyChallenge(randomHex(32), ObjectIds.next(T0), Ceremony.LOGIN, null,
                c.createdAt(), c.expiresAt());

        assertThatThrownBy(() -> passkeys().insertChallenge(sameId)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> passkeys().insertChallenge(orphan)).isInstanceOf(IllegalStateException.class);
        assertThat(passkeys().takeChallenge(c.id(), c.createdAt())).contains(c);
    }

    @Test
    void deleteExpiredChallengesRemovesOnlyExpiredOnesOldestFirstUpToTheLimit() {
        App app = createApp();
        PasskeyChallenge old1 = login(app, T0.minus(Duration.ofHours(3)));
        PasskeyChallenge old2 = login(app, T0.minus(Duration.ofHours(2)));
        PasskeyChallenge old3 = login(app, T0.minus(Duration.ofHours(1)));
        PasskeyChallenge live = login(app, T0);
        List.of(old3, live, old1, old2).forEach(passkeys()::insertChallenge);

        assertThat(passkeys().deleteExpiredChallenges(T0, 2)).isEqualTo(2);
        assertThat(passkeys().takeChallenge(old3.id(), old3.createdAt())).as("past the limit").contains(old3);
        assertThat(passkeys().deleteExpiredChallenges(T0, 10)).isZero();
        assertThat(passkeys().takeChallenge(live.id(), T0)).contains(live);
    }

    @Test
    void concurrentTakesOfOneChallengeGiveItToExactlyOne() {
        App app = createApp();
        PasskeyChallenge c = login(app, nextInstant());
        passkeys().insertChallenge(c);

        List<Outcome<Optional<PasskeyChallenge>>> outcomes = concurrently(THREADS, i -> passkeys().takeChallenge(c.id(), c.createdAt()));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.succeeded()).as(String.valueOf(o.error())).isTrue());
        assertThat(outcomes.stream().filter(o -> o.value().isPresent()).count()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- credentials

    @Test
    void insertCredentialThenFindAndListReturnItAsWritten() {
        App app = createApp();
        User owner = signUpGuest(app).user();
        PasskeyCredential p = passkey(owner, randomHex(16), nextInstant());

        assertThat(passkeys().insertCredential(p)).isTrue();

        assertThat(passkeys().findByCredentialId(app.id(), p.credentialId())).contains(p);
        assertThat(passkeys().list(app.id(), owner.id())).containsExactly(p);
    }

    @Test
    void insertCredentialWhenTheCredentialIdIsTakenInTheAppThenFalseWhoeverHoldsIt() {
        App app = createApp();
        User owner = signUpGuest(app).user();
        User other = signUpGuest(app).user();
        PasskeyCredential first = stored(owner);
        PasskeyCredential again = passkey(owner, first.credentialId(), nextInstant());
        PasskeyCredential stolen = passkey(other, first.credentialId(), nextInstant());

        assertThat(passkeys().insertCredential(again)).isFalse();
        assertThat(passkeys().insertCredential(stolen)).isFalse();

        assertThat(passkeys().list(app.id(), owner.id())).containsExactly(first);
        assertThat(passkeys().list(app.id(), other.id())).isEmpty();
    }

    @Test
    void insertCredentialWithTheSameCredentialIdInAnotherAppThenSucceeds() {
        App app = createApp();
        App otherApp = createApp();
        PasskeyCredential first = stored(signUpGuest(app).user());
        PasskeyCredential elsewhere = passkey(signUpGuest(otherApp).user(), first.credentialId(), nextInstant());

        assertThat(passkeys().insertCredential(elsewhere)).isTrue();

        assertThat(passkeys().findByCredentialId(app.id(), first.credentialId())).contains(first);
        assertThat(passkeys().findByCredentialId(otherApp.id(), first.credentialId())).contains(elsewhere);
    }

    @Test
    void insertCredentialWhenTheUserDoesNotExistThenThrowsIllegalState() {
        App app = createApp();
        User ghost = newUser(app, guestIdentity());

        assertThatThrownBy(() -> passkeys().insertCredential(passkey(ghost, randomHex(16), nextInstant())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void insertCredentialConcurrentlyWithOneCredentialIdThenExactlyOneWins() {
        App app = createApp();
        String credentialId = randomHex(16);
        List<PasskeyCredential> candidates = IntStream.range(0, THREADS)
                .mapToObj(i -> passkey(signUpGuest(app).user(), credentialId, nextInstant())).toList();

        List<Outcome<Boolean>> outcomes = concurrently(THREADS, i -> passkeys().insertCredential(candidates.get(i)));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
        assertThat(outcomes.stream().filter(Outcome::value).count()).isEqualTo(1);
    }

    @Test
    void listReturnsTheUsersPasskeysOldestFirstAndNoOneElses() {
        App app = createApp();
        User owner = signUpGuest(app).user();
        User other = signUpGuest(app).user();
        PasskeyCredential newest = passkey(owner, randomHex(16), T0);
        PasskeyCredential oldest = passkey(owner, randomHex(16), T0.minusSeconds(3600));
        passkeys().insertCredential(newest);
        passkeys().insertCredential(oldest);
        stored(other);

        assertThat(passkeys().list(app.id(), owner.id())).containsExactly(oldest, newest);
        assertThat(passkeys().list(createApp().id(), owner.id())).isEmpty();
    }

    @Test
    void findByCredentialIdWhenUnknownOrInAnotherAppThenEmpty() {
        App app = createApp();
        PasskeyCredential p = stored(signUpGuest(app).user());

        assertThat(passkeys().findByCredentialId(app.id(), randomHex(16))).isEmpty();
        assertThat(passkeys().findByCredentialId(createApp().id(), p.credentialId())).isEmpty();
    }

    // ---------------------------------------------------------------- recordUse

    @Test
    void recordUseWhenTheCounterIsAsExpectedThenWritesCounterBackupStateAndLastUse() {
        App app = createApp();
        PasskeyCredential p = stored(signUpGuest(app).user());
        Instant used = nextInstant();

        assertThat(passkeys().recordUse(app.id(), p.id(), 0, 7, true, used)).isTrue();

        assertThat(passkeys().findByCredentialId(app.id(), p.credentialId())).contains(p.used(7, true, used));
    }

    @Test
    void recordUseWhenTheCounterMovedThenFalseAndUnchanged() {
        App app = createApp();
        PasskeyCredential p = stored(signUpGuest(app).user());
        Instant used = nextInstant();
        passkeys().recordUse(app.id(), p.id(), 0, 7, false, used);

        assertThat(passkeys().recordUse(app.id(), p.id(), 0, 8, false, nextInstant())).isFalse();
        assertThat(passkeys().recordUse(createApp().id(), p.id(), 7, 8, false, nextInstant())).as("another app").isFalse();
        assertThat(passkeys().recordUse(app.id(), ObjectIds.next(T0), 7, 8, false, nextInstant())).as("unknown").isFalse();

        assertThat(passkeys().findByCredentialId(app.id(), p.credentialId())).contains(p.used(7, false, used));
    }

    @Test
    void recordUseConcurrentlyFromOneCounterThenExactlyOneWins() {
        App app = createApp();
        PasskeyCredential p = stored(signUpGuest(app).user());

        List<Outcome<Boolean>> outcomes = concurrently(THREADS, i -> passkeys().recordUse(app.id(), p.id(), 0, 1 + i, false, T0));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
        assertThat(outcomes.stream().filter(Outcome::value).count()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- delete

    @Test
    void deleteThenTrueAndOnlyThatPasskeyIsGone() {
        App app = createApp();
        User owner = signUpGuest(app).user();
        PasskeyCredential kept = stored(owner);
        PasskeyCredential gone = stored(owner);

        assertThat(passkeys().delete(app.id(), owner.id(), gone.id())).isTrue();
        assertThat(passkeys().delete(app.id(), owner.id(), gone.id())).as("twice").isFalse();

        assertThat(passkeys().list(app.id(), owner.id())).containsExactly(kept);
        assertThat(passkeys().findByCredentialId(app.id(), gone.credentialId())).isEmpty();
    }

    @Test
    void deleteWhenThePasskeyIsAnotherUsersOrAnotherAppsThenFalseAndKept() {
        App app = createApp();
        User owner = signUpGuest(app).user();
        User other = signUpGuest(app).user();
        PasskeyCredential p = stored(owner);

        assertThat(passkeys().delete(app.id(), other.id(), p.id())).isFalse();
        assertThat(passkeys().delete(createApp().id(), owner.id(), p.id())).isFalse();

        assertThat(passkeys().list(app.id(), owner.id())).containsExactly(p);
    }

    @Test
    void deletingTheUserDeletesItsPasskeysAndNoOneElses() {
        App app = createApp();
        User doomed = signUpGuest(app).user();
        User other = signUpGuest(app).user();
        PasskeyCredential first = stored(doomed);
        stored(doomed);
        PasskeyCredential kept = stored(other);

        assertThat(store.users().delete(app.id(), doomed.id(), DeletionReason.SELF, nextInstant())).isTrue();

        assertThat(passkeys().list(app.id(), doomed.id())).isEmpty();
        assertThat(passkeys().findByCredentialId(app.id(), first.credentialId())).isEmpty();
        assertThat(passkeys().list(app.id(), other.id())).containsExactly(kept);
    }
}
