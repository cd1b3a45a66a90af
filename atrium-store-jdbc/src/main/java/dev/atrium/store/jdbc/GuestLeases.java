package dev.atrium.store.jdbc;

import dev.atrium.core.admission.GuestClaim;
import dev.atrium.core.apps.RateLimit;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens this node took from a big shared guest bucket ahead of need, spent here for a short
 * while, so the bucket's row is touched once per grant instead of once per batch (a quota lease,
 * as Envoy's global rate limit and Google's Doorman hand them out; docs/scaling.md, "Leases for
 * big buckets"). Only a bucket of at least {@link #MIN_BURST} tokens is leased, and only for a
 * claim whose app has no app-wide budget: small buckets (the default burst is 30) and budgets
 * stay exact.
 *
 * <p>A grant is {@link #grant} tokens, taken from the shared row by the take that found no lease
 * here, on top of what its batch needs. A lease lasts {@link #TERM} from the claim that got it, in
 * the claims' clock; what is left then is dropped, never returned (conservative). A node holds at
 * most one grant per bucket, so over any window N nodes admit at most N grants more than the
 * shared bucket alone would have in that window (the tokens were taken earlier), and never more
 * in total than the bucket gave.
 */
final class GuestLeases {
    /** The smallest burst leased: a grant is then 1 % of it (10 tokens). */
    static final int MIN_BURST = 1_000;
    /** The largest grant: beyond it a grant saves nothing measurable (one row update per 1,000 sign-ups). */
    static final int MAX_GRANT = 1_000;
    /** How long a grant may be spent. */
    static final Duration TERM = Duration.ofSeconds(1);

    private record Key(String appId, String clientKey) {}

    /** Tokens left and the epoch millis (claims' clock) until which they may be spent. */
    private record Lease(int tokens, long until) {}

    /** Beyond this many leases, keeping one first drops those ended (buckets no longer claimed here). */
    private static final int TIDY_ABOVE = 10_000;

    private final Map<Key, Lease> leases = new ConcurrentHashMap<>();

    /** The grant a take asks for on top of its batch's need for {@code claim}'s bucket: 0 when it is not leased. */
    static int grant(GuestClaim claim) {
        RateLimit limit = claim.perNetwork();
        if (claim.hasAppBudget() || limit.burst() < MIN_BURST) {
            return 0;
        }
        return Math.min(limit.burst() / 100, MAX_GRANT);
    }

    /** Admits {@code claim} with a token leased here, if a live lease of its bucket has one. */
    boolean spend(GuestClaim claim) {
        if (grant(claim) == 0) {
            return false;
        }
        long at = claim.at().toEpochMilli();
        boolean[] spent = {false};
        leases.computeIfPresent(new Key(claim.appId(), claim.clientKey()), (k, lease) -> {
            if (at >= lease.until()) {
                return null; // ended: what is left goes
            }
            spent[0] = true;
            return lease.tokens() == 1 ? null : new Lease(lease.tokens() - 1, lease.until());
        });
        return spent[0];
    }

    /**
     * Keeps {@code tokens} a take got beyond its batch's need from {@code claim}'s bucket, for
     * {@link #TERM} from the claim. A lease still live keeps its tokens up to one grant (two
     * writer threads may have taken one each); the rest is dropped.
     */
    void keep(GuestClaim claim, int tokens) {
        int grant = grant(claim);
        if (tokens <= 0 || grant == 0) {
            return;
        }
        long at = claim.at().toEpochMilli();
        if (leases.size() > TIDY_ABOVE) {
            leases.values().removeIf(lease -> lease.until() <= at);
        }
        leases.merge(new Key(claim.appId(), claim.clientKey()), new Lease(Math.min(tokens, grant), at + TERM.toMillis()),
                (old, got) -> old.until() <= at ? got
                        : new Lease(Math.min(old.tokens() + got.tokens(), grant), Math.max(old.until(), got.until())));
    }
}
