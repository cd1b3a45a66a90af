package dev.atrium.core.admission;

import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppSettings;
import dev.atrium.core.apps.RateLimit;
import java.time.Instant;

/**
 * One guest sign-up asking for admission: a token of the bucket of its client network
 * ({@code clientKey}, an IPv4 /32 or IPv6 /64) and, when the app has one, of the app-wide hourly
 * budget, as of {@code at}. Whoever keeps the buckets (this node's memory, or the store, shared by
 * every node) settles it: admitted, or {@link GuestLimitExceededException}.
 *
 * @param appBudget the app-wide budget, or null when the app has none
 */
public record GuestClaim(String appId, String clientKey, RateLimit perNetwork, RateLimit appBudget, Instant at) {

    /** The claim of a guest sign-up from {@code clientKey} to {@code app}, with the app's current limits. */
    public static GuestClaim of(App app, String clientKey, Instant at) {
        AppSettings s = app.settings();
        int budget = s.guestAppBudgetPerHour();
        return new GuestClaim(app.id(), clientKey, RateLimit.perHour(s.guestBurst(), s.guestRatePerHour()),
                budget > 0 ? RateLimit.perHour(budget, budget) : null, at);
    }

    /** Whether the app-wide budget applies. */
    public boolean hasAppBudget() {
        return appBudget != null;
    }
}
