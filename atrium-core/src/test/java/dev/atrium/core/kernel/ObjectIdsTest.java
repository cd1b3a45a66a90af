package dev.atrium.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ObjectIdsTest {
    @Test
    void idsAreTwentyFourLowerHexAndStartWithTheEpochSeconds() {
        Instant t = Instant.parse("2026-03-01T12:00:00Z");

        String id = ObjectIds.next(t);

        assertThat(ObjectIds.isValid(id)).isTrue();
        assertThat(Long.parseLong(id.substring(0, 8), 16)).isEqualTo(t.getEpochSecond());
    }

    @Test
    void idsAreUniqueAndOrderedByTime() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(ObjectIds.next(Instant.ofEpochSecond(1_800_000_000L)))).isTrue();
        }
        assertThat(ObjectIds.next(Instant.ofEpochSecond(1_800_000_001L))).isGreaterThan(seen.iterator().next());
    }

    @Test
    void isValidRefusesOtherShapes() {
        assertThat(ObjectIds.isValid(null)).isFalse();
        assertThat(ObjectIds.isValid("65F0C0FFEE0123456789ABCD")).isFalse();
        assertThat(ObjectIds.isValid("65f0c0ffee0123456789abc")).isFalse();
    }

    @Test
    void secretsHashIsStableAndComparedInConstantTimeForm() {
        assertThat(Secrets.hash("a")).isEqualTo(Secrets.hash("a")).isNotEqualTo(Secrets.hash("b"));
        assertThat(Secrets.sameHash(Secrets.hash("a"), Secrets.hash("a"))).isTrue();
        assertThat(Secrets.sameHash(Secrets.hash("a"), null)).isFalse();
        assertThat(Secrets.random(32)).hasSize(43);
    }
}
