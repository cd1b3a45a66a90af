package dev.atrium.core.admission;

import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppSettings;
import dev.atrium.core.apps.RateLimit;
import dev.atrium.core.kernel.Telemetry;
import dev.atrium.core.kernel.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Admission of guest sign-ups (docs/architecture.md, Abuse): a token bucket per client network (the
 * caller passes the key: an IPv4 /32 or IPv6 /64) and an optional app-wide hourly budget, both
 * per app and per node. Checked before anything is written, so a refused login creates nothing.
 */
public final class GuestAdmission {
    /** Buckets held per node: ~100 bytes each, so the bound is ~10 MB whatever the flood. */
    static final int MAX_BUCKETS = 100_000;

    private final TokenBuckets perClient = new TokenBuckets(MAX_BUCKETS);
    private final TokenBuckets perApp = new TokenBuckets(10_000);
    private final Telemetry telemetry;
    private final Clock clock;

    public GuestAdmission(Telemetry telemetry, Clock clock) {
        this.telemetry = telemetry;
        this.clock = clock;
    }

    /** Admits one guest sign-up from {@code clientKey}, or throws TooManyRequests with the wait. */
    public void admit(App app, String clientKey) {
        AppSettings s = app.settings();
        Instant now = clock.instant();
        Duration wait = perClient.take(app.id() + "|" + clientKey,
                RateLimit.perHour(s.guestBurst(), s.guestRatePerHour()), now);
        if (!wait.isZero()) {
            telemetry.rateLimited("client");
            throw new TooManyRequestsException("too many guest sign-ups from this address; retry later", wait);
        }
        if (s.guestAppBudgetPerHour() > 0) {
            int budget = s.guestAppBudgetPerHour();
            Duration appWait = perApp.take(app.id(), RateLimit.perHour(budget, budget), now);
            if (!appWait.isZero()) {
                telemetry.rateLimited("app");
                throw new TooManyRequestsException("the app's hourly guest sign-up budget is spent; retry later", appWait);
            }
        }
    }

    /** Buckets currently held (tests check the memory bound). */
    public int clientBuckets() {
        return perClient.size();
    }
}
