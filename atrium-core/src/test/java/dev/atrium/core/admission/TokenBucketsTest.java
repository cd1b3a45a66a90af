package dev.atrium.core.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.core.apps.RateLimit;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {
    final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void burstIsAdmittedThenTheNextWaitsForOneTokenAtTheHourlyRate() {
        TokenBuckets buckets = new TokenBuckets(100);
        for (int i = 0; i < 30; i++) {
            assertThat(buckets.take("a", RateLimit.perHour(30, 100), t0)).isZero();
        }

        Duration wait = buckets.take("a", RateLimit.perHour(30, 100), t0);

        assertThat(wait).isEqualTo(Duration.ofMillis(36_000)); // 3600 s / 100 per hour
        assertThat(buckets.take("a", RateLimit.perHour(30, 100), t0.plus(wait))).isZero();
        assertThat(buckets.take("b", RateLimit.perHour(30, 100), t0)).as("another key has its own bucket").isZero();
    }

    @Test
    void refillNeverExceedsTheBurst() {
        TokenBuckets buckets = new TokenBuckets(100);
        buckets.take("a", RateLimit.perHour(3, 100), t0);

        Instant muchLater = t0.plus(Duration.ofDays(1));
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("a", RateLimit.perHour(3, 100), muchLater)).isZero();
        }
        assertThat(buckets.take("a", RateLimit.perHour(3, 100), muchLater)).isPositive();
    }

    @Test
    void aFloodOfDistinctKeysStaysWithinTheBound() {
        TokenBuckets buckets = new TokenBuckets(1_000);

        for (int i = 0; i < 50_000; i++) {
            buckets.take("10.0." + (i / 250) + "." + (i % 250), RateLimit.perHour(30, 100), t0.plusMillis(i));
        }

        assertThat(buckets.size()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void evictionDropsRefilledBucketsBeforeBusyOnes() {
        TokenBuckets buckets = new TokenBuckets(10);
        for (int i = 0; i < 30; i++) {
            buckets.take("busy", RateLimit.perHour(30, 100), t0);
        }
        Instant later = t0.plus(Duration.ofSeconds(10)); // 0.28 of a token refilled: still drained
        for (int i = 0; i < 20; i++) {
            buckets.take("k" + i, RateLimit.perHour(30, 100), later);
        }

        assertThat(buckets.take("busy", RateLimit.perHour(30, 100), later)).as("the busy bucket kept its state").isPositive();
    }
}
