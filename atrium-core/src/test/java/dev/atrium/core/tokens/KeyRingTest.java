package dev.atrium.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import dev.atrium.core.store.memory.InMemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Which algorithm an app signs with: ES256 for a new app, its own for an app that has a key. */
class KeyRingTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration OVERLAP = Duration.ofDays(60);

    private final InMemoryStore store = new InMemoryStore();
    private final KeyRing ring = new KeyRing(store.signingKeys(), Clock.fixed(T0, ZoneOffset.UTC), Duration.ZERO);

    @Test
    void newAppWhenItFirstSignsThenItsKeyIsEs256() {
        assertThat(ring.forApp("new-app").active().alg()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(store.signingKeys().forApp("new-app")).extracting(SigningKey::alg).containsExactly("ES256");
    }

    @Test
    void appWithAStoredEdDsaKeyWhenItSignsThenItKeepsEdDsa() {
        store.signingKeys().insertFirst(KeyRing.generate("old-app", T0.minusSeconds(86_400), JWSAlgorithm.EdDSA));

        assertThat(ring.forApp("old-app").active().alg()).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(ring.algorithms("old-app")).containsExactly(JWSAlgorithm.EdDSA);
    }

    @Test
    void rotateWithoutAlgWhenTheActiveKeyIsEdDsaThenTheNewKeyIsEdDsa() {
        store.signingKeys().insertFirst(KeyRing.generate("old-app", T0.minusSeconds(86_400), JWSAlgorithm.EdDSA));

        String kid = ring.rotate("old-app", OVERLAP, null);

        assertThat(ring.forApp("old-app").activeKid()).isEqualTo(kid);
        assertThat(ring.forApp("old-app").active().alg()).isEqualTo(JWSAlgorithm.EdDSA);
    }

    @Test
    void rotateWithoutAlgWhenTheActiveKeyIsEs256ThenTheNewKeyIsEs256() {
        ring.rotate("new-app", OVERLAP, null);

        assertThat(ring.forApp("new-app").active().alg()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(ring.algorithms("new-app")).containsExactly(JWSAlgorithm.ES256);
    }

    @Test
    void algorithmsWhenRotatedFromEdDsaToEs256ThenBothWhileTheOldKeyIsPublishedActiveFirst() {
        store.signingKeys().insertFirst(KeyRing.generate("old-app", T0.minusSeconds(86_400), JWSAlgorithm.EdDSA));

        ring.rotate("old-app", OVERLAP, JWSAlgorithm.ES256);

        assertThat(ring.publicKeys("old-app")).hasSize(2);
        assertThat(ring.algorithms("old-app")).containsExactly(JWSAlgorithm.ES256, JWSAlgorithm.EdDSA);
    }

    @Test
    void rotateToEdDsaWhenTheAppIsNewThenEdDsaSignsAndEs256StaysPublished() {
        ring.forApp("new-app");

        ring.rotate("new-app", OVERLAP, JWSAlgorithm.EdDSA);

        assertThat(ring.forApp("new-app").active().alg()).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(ring.algorithms("new-app")).containsExactly(JWSAlgorithm.EdDSA, JWSAlgorithm.ES256);
    }
}
