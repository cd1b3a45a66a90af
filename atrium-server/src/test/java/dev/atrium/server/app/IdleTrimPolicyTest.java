package dev.atrium.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When the native heap is trimmed: after quiet spells only, once each, never while requests keep coming. */
class IdleTrimPolicyTest {
    private static final long S = 1_000_000_000L;

    @Test
    void quietAfterStartUpThenTrimsOnceWhenIdleLongEnough() {
        IdleTrimPolicy policy = new IdleTrimPolicy(Duration.ofSeconds(8), 100 * S);

        assertThat(policy.shouldTrim(0, 104 * S)).as("4 s after start-up: too early").isFalse();
        assertThat(policy.shouldTrim(0, 108 * S)).as("8 s quiet since start-up").isTrue();
        assertThat(policy.shouldTrim(0, 110 * S)).as("already trimmed in this quiet spell").isFalse();
        assertThat(policy.shouldTrim(0, 500 * S)).isFalse();
    }

    @Test
    void underSteadyTrafficNeverTrims() {
        IdleTrimPolicy policy = new IdleTrimPolicy(Duration.ofSeconds(8), 0);

        for (int second = 2; second <= 600; second += 2) {
            assertThat(policy.shouldTrim(second * 1000L, second * S)).as("second " + second).isFalse();
        }
    }

    @Test
    void afterABurstOfTrafficTrimsOnceWhenItHasBeenQuietAgain() {
        IdleTrimPolicy policy = new IdleTrimPolicy(Duration.ofSeconds(8), 0);
        assertThat(policy.shouldTrim(0, 10 * S)).isTrue();

        assertThat(policy.shouldTrim(5_000, 12 * S)).as("requests came").isFalse();
        assertThat(policy.shouldTrim(5_000, 18 * S)).as("quiet for 6 s only").isFalse();
        assertThat(policy.shouldTrim(5_000, 20 * S)).as("quiet for 8 s").isTrue();
        assertThat(policy.shouldTrim(5_000, 40 * S)).isFalse();
        assertThat(policy.shouldTrim(5_001, 42 * S)).as("one more request").isFalse();
        assertThat(policy.shouldTrim(5_001, 50 * S)).as("quiet again").isTrue();
    }

    @Test
    void aTrimOnLinuxAnswersTheRssBeforeAndAfter() {
        assertThat(NativeHeapTrim.trimNow()).as("the DiagnosticCommand's answer (glibc)").startsWith("Trim native heap");
    }
}
