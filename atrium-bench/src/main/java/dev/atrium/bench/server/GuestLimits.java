package dev.atrium.bench.server;

import dev.atrium.core.apps.AppSettings;
import dev.atrium.core.apps.AppStore;
import dev.atrium.store.jdbc.JdbcSettings;
import dev.atrium.store.jdbc.JdbcStore;
import java.time.Duration;

/**
 * Lifts an app's guest admission limits (design §1 rule 9: 100 sign-ups per hour per client
 * network by default) for a benchmark: every simulated client comes from 127.0.0.1, one network,
 * and a benchmark measures capacity, not the limiter. The limiter's own check still runs on every
 * login, so its cost stays in the numbers. Do it before the first client request: the server
 * caches app settings for its cache-ttl once it has read them.
 */
public final class GuestLimits {
    /** Per hour and burst: far above anything two cores can serve. */
    private static final int UNLIMITED = 1_000_000_000;

    private GuestLimits() {}

    /** Lifts the limits of {@code appId} in the store at {@code storeUrl} (schema: PostgreSQL only, else null). */
    public static void lift(String storeUrl, String schema, String appId) {
        try (JdbcStore store = JdbcStore.open(new JdbcSettings(storeUrl, 2, Duration.ofSeconds(5), schema))) {
            lift(store.apps(), appId);
        }
    }

    public static void lift(AppStore apps, String appId) {
        AppSettings s = apps.find(appId).orElseThrow(() -> new IllegalStateException("no app " + appId)).settings();
        apps.updateSettings(appId, s.withGuestLimits(UNLIMITED, UNLIMITED, 0));
    }
}
