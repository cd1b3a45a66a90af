package dev.atrium.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.core.apps.App;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.redirect.RedirectState;
import dev.atrium.core.redirect.RedirectStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of {@link RedirectStateStore}: web sign-ins under way, each taken once. */
public abstract class RedirectStateStoreContract extends StoreContract {
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private RedirectStateStore states() {
        return store.redirectStates();
    }

    private RedirectState login(App app, Instant at) {
        return new RedirectState(randomHex(32), app.id(), "oauth2-google", "abcdefghijkl", "https://app.example.com/auth?x=1",
                ObjectIds.next(at), null, randomHex(16), at, at.plus(LIFETIME));
    }

    private RedirectState link(App app, Instant at) {
        var user = signUpGuest(app);
        return new RedirectState(randomHex(32), app.id(), "oauth2-apple", "mnopqrstuvwx", "https://app.example.com/auth", null,
                new RedirectState.LinkTarget(user.user().id(), user.session().id(), user.session().deviceId(), randomHex(32)),
                randomHex(16), at, at.plus(LIFETIME));
    }

    @Test
    void takeReturnsTheStateAsWrittenOnceThenNothing() {
        App app = createApp();
        RedirectState login = login(app, nextInstant());
        RedirectState link = link(app, nextInstant());
        states().insert(login);
        states().insert(link);

        assertThat(states().take(login.id(), login.createdAt())).contains(login);
        assertThat(states().take(link.id(), link.createdAt().plusSeconds(1))).contains(link);
        assertThat(states().take(login.id(), login.createdAt())).isEmpty();
        assertThat(states().take(link.id(), link.createdAt())).isEmpty();
    }

    @Test
    void takeWhenUnknownThenEmpty() {
        createApp();

        assertThat(states().take(randomHex(32), T0)).isEmpty();
    }

    @Test
    void takeWhenExpiredThenEmptyAndTheStateIsGone() {
        App app = createApp();
        RedirectState s = login(app, nextInstant());
        states().insert(s);

        assertThat(states().take(s.id(), s.expiresAt())).isEmpty();
        assertThat(states().take(s.id(), s.createdAt())).as("an expired take removes it all the same").isEmpty();
    }

    @Test
    void insertWhenAppUnknownOrIdTakenThenThrowsIllegalStateAndKeepsTheFirst() {
        App app = createApp();
        RedirectState s = login(app, nextInstant());
        states().insert(s);
        RedirectState sameId = new RedirectState(s.id(), app.id(), "oauth2-facebook", "other", "https://other.example.com/",
                null, null, randomHex(16), s.createdAt(), s.expiresAt());
        RedirectState orphan = new RedirectState(randomHex(32), ObjectIds.next(T0), "oauth2-google", "abc", "https://a.example/",
                null, null, randomHex(16), s.createdAt(), s.expiresAt());

        assertThatThrownBy(() -> states().insert(sameId)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> states().insert(orphan)).isInstanceOf(IllegalStateException.class);
        assertThat(states().take(s.id(), s.createdAt())).contains(s);
        assertThat(states().take(orphan.id(), s.createdAt())).isEmpty();
    }

    @Test
    void deleteExpiredRemovesOnlyExpiredStatesOldestFirstUpToTheLimit() {
        App app = createApp();
        RedirectState old1 = login(app, T0.minus(Duration.ofHours(3)));
        RedirectState old2 = login(app, T0.minus(Duration.ofHours(2)));
        RedirectState old3 = login(app, T0.minus(Duration.ofHours(1)));
        RedirectState live = login(app, T0);
        List.of(old3, live, old1, old2).forEach(states()::insert);

        assertThat(states().deleteExpired(T0, 2)).isEqualTo(2);
        assertThat(states().take(old3.id(), old3.createdAt())).as("the third oldest was past the limit").contains(old3);
        assertThat(states().deleteExpired(T0, 10)).isZero();
        assertThat(states().take(old1.id(), old1.createdAt())).isEmpty();
        assertThat(states().take(live.id(), T0)).contains(live);
    }

    @Test
    void concurrentTakesOfOneStateGiveItToExactlyOne() {
        App app = createApp();
        RedirectState s = login(app, nextInstant());
        states().insert(s);

        List<Outcome<Optional<RedirectState>>> outcomes = concurrently(THREADS, i -> states().take(s.id(), s.createdAt()));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.succeeded()).as(String.valueOf(o.error())).isTrue());
        assertThat(outcomes.stream().filter(o -> o.value().isPresent()).count()).isEqualTo(1);
    }
}
