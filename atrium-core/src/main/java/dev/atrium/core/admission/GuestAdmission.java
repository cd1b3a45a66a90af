package dev.atrium.core.admission;

import dev.atrium.core.admission.GuestLimitExceededException.Scope;
import java.time.Duration;

/**
 * Guest admission kept in this process's memory: a token bucket per app and client network and
 * one per app-wide budget. The in-memory and SQLite stores admit with it (one node holds all
 * there is), and so does every node when {@code guest-limits} is {@code node}: then each node
 * counts apart, and a client behind a balancer over N nodes gets up to N times the limit.
 */
public final class GuestAdmission {
    /** Buckets held: ~100 bytes each, so the bound is ~10 MB whatever the flood. */
    static final int MAX_BUCKETS = 100_000;

    private final TokenBuckets perClient = new TokenBuckets(MAX_BUCKETS);
    private final TokenBuckets perApp = new TokenBuckets(10_000);

    /** Admits {@code claim}, taking its tokens, or throws {@link GuestLimitExceededException} with the wait. */
    public void admit(GuestClaim claim) {
        Duration wait = perClient.take(claim.appId() + "|" + claim.clientKey(), claim.perNetwork(), claim.at());
        if (!wait.isZero()) {
            throw new GuestLimitExceededException(Scope.CLIENT, wait);
        }
        if (claim.hasAppBudget()) {
            Duration appWait = perApp.take(claim.appId(), claim.appBudget(), claim.at());
            if (!appWait.isZero()) {
                throw new GuestLimitExceededException(Scope.APP, appWait);
            }
        }
    }

    /** Buckets currently held (tests check the memory bound). */
    public int clientBuckets() {
        return perClient.size();
    }
}
