package dev.atrium.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.core.admission.GuestClaim;
import dev.atrium.core.apps.RateLimit;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A node's leases of big guest buckets: which buckets are leased, how much, for how long. */
class GuestLeasesTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final RateLimit BIG = RateLimit.perHour(5_000, 5_000);

    private static GuestClaim claim(RateLimit limit, RateLimit budget, Instant at) {
        return new GuestClaim("app", "198.51.100.7", limit, budget, at);
    }

    @Test
    void grantIsOnePercentOfABigBucketAndNoneOfASmallOne() {
        assertThat(GuestLeases.grant(claim(RateLimit.perHour(30, 20), null, T0))).isZero();
        assertThat(GuestLeases.grant(claim(RateLimit.perHour(999, 999), null, T0))).isZero();
        assertThat(GuestLeases.grant(claim(RateLimit.perHour(1_000, 1), null, T0))).isEqualTo(10);
        assertThat(GuestLeases.grant(claim(BIG, null, T0))).isEqualTo(50);
        assertThat(GuestLeases.grant(claim(RateLimit.perHour(1_000_000_000, 1), null, T0))).isEqualTo(GuestLeases.MAX_GRANT);
    }

    @Test
    void grantWhenTheAppHasABudgetThenNone() {
        assertThat(GuestLeases.grant(claim(BIG, RateLimit.perHour(100_000, 100_000), T0))).isZero();
    }

    @Test
    void spendWhenNoLeaseThenRefused() {
        assertThat(new GuestLeases().spend(claim(BIG, null, T0))).isFalse();
    }

    @Test
    void spendWhenLeasedThenAsManyTimesAsTokensKept() {
        GuestLeases leases = new GuestLeases();
        leases.keep(claim(BIG, null, T0), 3);

        assertThat(leases.spend(claim(BIG, null, T0))).isTrue();
        assertThat(leases.spend(claim(BIG, null, T0))).isTrue();
        assertThat(leases.spend(claim(BIG, null, T0))).isTrue();
        assertThat(leases.spend(claim(BIG, null, T0))).isFalse();
    }

    @Test
    void spendWhenTheTermHasEndedThenRefusedAndTheRestDropped() {
        GuestLeases leases = new GuestLeases();
        leases.keep(claim(BIG, null, T0), 3);

        assertThat(leases.spend(claim(BIG, null, T0.plus(GuestLeases.TERM)))).isFalse();
        assertThat(leases.spend(claim(BIG, null, T0))).as("the ended lease went").isFalse();
    }

    @Test
    void keepWhenTwoGrantsArriveThenAtMostOneGrantIsHeld() {
        GuestLeases leases = new GuestLeases();
        leases.keep(claim(BIG, null, T0), 50);
        leases.keep(claim(BIG, null, T0), 50);

        int spent = 0;
        while (leases.spend(claim(BIG, null, T0))) {
            spent++;
        }
        assertThat(spent).isEqualTo(GuestLeases.grant(claim(BIG, null, T0)));
    }

    @Test
    void keepWhenOtherBucketThenNotSpentThere() {
        GuestLeases leases = new GuestLeases();
        leases.keep(claim(BIG, null, T0), 5);

        assertThat(leases.spend(new GuestClaim("app", "198.51.100.8", BIG, null, T0))).isFalse();
        assertThat(leases.spend(new GuestClaim("other-app", "198.51.100.7", BIG, null, T0))).isFalse();
    }
}
