package dev.atrium.core.auth.passkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.core.apps.App;
import dev.atrium.core.apps.Apps;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.MutableClock;
import dev.atrium.core.store.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChallengesTest {
    static final String REFUSAL = "passkey refused: unknown, used or expired challenge: ask for new options";
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final InMemoryStore store = new InMemoryStore();
    final Challenges challenges = new Challenges(store.passkeys());
    final App app = stored("blog");
    final String user = "65e1a0c0aaaaaaaaaaaaaaaa";

    private App stored(String name) {
        App a = Apps.newApp(name, clock.instant());
        store.apps().create(a, Apps.defaultProviders(a, clock.instant()));
        return a;
    }

    private void refused(Runnable take) {
        assertThatThrownBy(take::run).isInstanceOf(AuthException.class).hasMessage(REFUSAL);
    }

    @Test
    void aChallengeIsThirtyTwoRandomBytesKeptByItsHashAndTakenOnce() {
        String challenge = challenges.issue(app, Ceremony.LOGIN, null, clock.instant());

        assertThat(challenge).matches("[A-Za-z0-9_-]{43}");
        assertThat(challenges.issue(app, Ceremony.LOGIN, null, clock.instant())).isNotEqualTo(challenge);
        challenges.take(app, Ceremony.LOGIN, null, challenge, clock.instant());
        refused(() -> challenges.take(app, Ceremony.LOGIN, null, challenge, clock.instant()));
    }

    @Test
    void aChallengeExpiresAfterFiveMinutes() {
        String challenge = challenges.issue(app, Ceremony.LOGIN, null, clock.instant());
        String late = challenges.issue(app, Ceremony.LOGIN, null, clock.instant());

        challenges.take(app, Ceremony.LOGIN, null, challenge, clock.instant().plus(Duration.ofMinutes(5)).minusMillis(1));
        refused(() -> challenges.take(app, Ceremony.LOGIN, null, late, clock.instant().plus(Duration.ofMinutes(5))));
    }

    @Test
    void aChallengeAnswersOnlyItsAppItsCeremonyAndItsUserAndIsSpentByAWrongAnswer() {
        String login = challenges.issue(app, Ceremony.LOGIN, null, clock.instant());
        String registration = challenges.issue(app, Ceremony.REGISTRATION, user, clock.instant());
        String otherUsers = challenges.issue(app, Ceremony.REGISTRATION, user, clock.instant());
        String otherApps = challenges.issue(app, Ceremony.LOGIN, null, clock.instant());

        refused(() -> challenges.take(app, Ceremony.REGISTRATION, user, login, clock.instant()));
        refused(() -> challenges.take(app, Ceremony.LOGIN, null, registration, clock.instant()));
        refused(() -> challenges.take(app, Ceremony.REGISTRATION, "65e1a0c0bbbbbbbbbbbbbbbb", otherUsers, clock.instant()));
        refused(() -> challenges.take(stored("other"), Ceremony.LOGIN, null, otherApps, clock.instant()));
        refused(() -> challenges.take(app, Ceremony.LOGIN, null, login, clock.instant()));
        refused(() -> challenges.take(app, Ceremony.REGISTRATION, user, otherUsers, clock.instant()));
    }

    @Test
    void issuingDeletesExpiredChallenges() {
        challenges.issue(app, Ceremony.LOGIN, null, clock.instant());
        challenges.issue(app, Ceremony.LOGIN, null, clock.instant());

        challenges.issue(app, Ceremony.LOGIN, null, clock.instant().plus(Duration.ofMinutes(6)));

        assertThat(store.passkeys().deleteExpiredChallenges(clock.instant().plus(Duration.ofMinutes(6)), 10)).isZero();
    }
}
