package dev.atrium.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.core.apps.App;
import dev.atrium.core.tokens.KeyRing;
import dev.atrium.core.tokens.SigningKey;
import dev.atrium.core.tokens.SigningKeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link SigningKeyStore}. */
public abstract class SigningKeyStoreContract extends StoreContract {

    private SigningKeyStore keys() {
        return store.signingKeys();
    }

    private static SigningKey retired(App app, Instant createdAt) {
        SigningKey k = KeyRing.generate(app.id(), createdAt);
        return new SigningKey(k.appId(), k.kid(), k.alg(), k.privateJwk(), SigningKey.RETIRED, k.createdAt(), k.createdAt());
    }

    @Test
    void forAppWhenAppHasNoKeysThenEmpty() {
        App app = createApp();

        assertThat(keys().forApp(app.id())).isEmpty();
    }

    @Test
    void forAppWhenAppUnknownThenEmpty() {
        App app = createApp();
        keys().insertFirst(KeyRing.generate(app.id(), nextInstant()));

        assertThat(keys().forApp("unknown-app00")).isEmpty();
    }

    @Test
    void insertFirstWhenAppHasNoActiveKeyThenTrueAndForAppReturnsIt() {
        App app = createApp();
        SigningKey key = KeyRing.generate(app.id(), nextInstant());

        assertThat(keys().insertFirst(key)).isTrue();

        assertThat(keys().forApp(app.id())).containsExactly(key);
    }

    @Test
    void insertFirstWhenAppHasAnActiveKeyThenFalseAndNothingWritten() {
        App app = createApp();
        SigningKey first = KeyRing.generate(app.id(), nextInstant());
        keys().insertFirst(first);
        SigningKey second = KeyRing.generate(app.id(), nextInstant());

        assertThat(keys().insertFirst(second)).isFalse();

        assertThat(keys().forApp(app.id())).containsExactly(first);
    }

    @Test
    void insertFirstForOneAppIgnoresOtherAppsKeys() {
        App app = createApp();
        App other = createApp();
        SigningKey key = KeyRing.generate(app.id(), nextInstant());
        SigningKey otherKey = KeyRing.generate(other.id(), nextInstant());
        keys().insertFirst(key);

        assertThat(keys().insertFirst(otherKey)).isTrue();

        assertThat(keys().forApp(app.id())).containsExactly(key);
        assertThat(keys().forApp(other.id())).containsExactly(otherKey);
    }

    @Test
    void forAppReturnsTheActiveKeyFirstThenNewestFirst() {
        App app = createApp();
        SigningKey first = KeyRing.generate(app.id(), T0.minusSeconds(86_400));
        SigningKey second = KeyRing.generate(app.id(), T0.minusSeconds(7_200));
        SigningKey third = KeyRing.generate(app.id(), T0.minusSeconds(60));
        keys().insertFirst(first);
        keys().rotate(second, T0.minusSeconds(7_200), T0.minus(Duration.ofDays(365)));
        keys().rotate(third, T0.minusSeconds(60), T0.minus(Duration.ofDays(365)));

        assertThat(keys().forApp(app.id())).extracting(SigningKey::kid).containsExactly(third.kid(), second.kid(), first.kid());
        assertThat(keys().forApp(app.id())).extracting(SigningKey::state)
                .containsExactly(SigningKey.ACTIVE, SigningKey.RETIRED, SigningKey.RETIRED);
    }

    @Test
    void insertFirstWhenKeyIsNotActiveThenIllegalArgument() {
        App app = createApp();

        assertThatThrownBy(() -> keys().insertFirst(retired(app, T0))).isInstanceOf(IllegalArgumentException.class);
        assertThat(keys().forApp(app.id())).isEmpty();
    }

    @Test
    void rotateThenOldKeyIsRetiredAtThatInstantAndTheNewOneIsActive() {
        App app = createApp();
        SigningKey old = KeyRing.generate(app.id(), nextInstant());
        keys().insertFirst(old);
        SigningKey next = KeyRing.generate(app.id(), nextInstant());
        Instant at = nextInstant();

        assertThat(keys().rotate(next, at, T0.minus(Duration.ofDays(1)))).isTrue();

        assertThat(keys().forApp(app.id())).containsExactly(next,
                new SigningKey(old.appId(), old.kid(), old.alg(), old.privateJwk(), SigningKey.RETIRED, old.createdAt(), at));
    }

    @Test
    void rotateWhenAppHasNoActiveKeyThenFalseAndNothingWritten() {
        App app = createApp();

        assertThat(keys().rotate(KeyRing.generate(app.id(), nextInstant()), nextInstant(), T0)).isFalse();
        assertThat(keys().forApp(app.id())).isEmpty();
    }

    @Test
    void rotateDeletesKeysRetiredBeforeThePruneInstantAndKeepsLaterOnes() {
        App app = createApp();
        SigningKey k1 = KeyRing.generate(app.id(), T0);
        SigningKey k2 = KeyRing.generate(app.id(), T0.plusSeconds(10));
        SigningKey k3 = KeyRing.generate(app.id(), T0.plusSeconds(20));
        SigningKey k4 = KeyRing.generate(app.id(), T0.plusSeconds(30));
        keys().insertFirst(k1);
        keys().rotate(k2, T0.plusSeconds(10), T0);  // retires k1 at +10
        keys().rotate(k3, T0.plusSeconds(20), T0);  // retires k2 at +20

        keys().rotate(k4, T0.plusSeconds(30), T0.plusSeconds(15)); // prunes k1 (+10), keeps k2 (+20)

        assertThat(keys().forApp(app.id())).extracting(SigningKey::kid).containsExactly(k4.kid(), k3.kid(), k2.kid());
    }

    @Test
    void rotateConcurrentlyThenTheAppStillHasExactlyOneActiveKey() {
        App app = createApp();
        keys().insertFirst(KeyRing.generate(app.id(), nextInstant()));
        List<SigningKey> candidates = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            candidates.add(KeyRing.generate(app.id(), nextInstant()));
        }

        List<Outcome<Boolean>> outcomes = concurrently(THREADS, i -> keys().rotate(candidates.get(i), T0.plusSeconds(i), T0));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).as("error of a rotate call").isNull());
        assertThat(keys().forApp(app.id())).filteredOn(k -> k.state().equals(SigningKey.ACTIVE)).hasSize(1);
        assertThat(keys().forApp(app.id())).hasSize(THREADS + 1);
    }

    @Test
    void insertFirstConcurrentlyThenExactlyOneWinsAndTheAppHasOneActiveKey() {
        App app = createApp();
        List<SigningKey> candidates = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            candidates.add(KeyRing.generate(app.id(), nextInstant()));
        }

        List<Outcome<Boolean>> outcomes = concurrently(THREADS, i -> keys().insertFirst(candidates.get(i)));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).as("error of an insertFirst call").isNull());
        List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            if (outcomes.get(i).value()) {
                winners.add(i);
            }
        }
        assertThat(winners).as("threads whose insertFirst returned true").hasSize(1);
        assertThat(keys().forApp(app.id())).containsExactly(candidates.get(winners.get(0)));
    }
}
