package dev.atrium.core.apps;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-app settings (design §3, §1 rule 4).
 *
 * @param accessTokenLifetime how long an access token is valid (default 30 min, as App Services)
 * @param refreshTokenLifetime how long a session's refresh token is valid (default 60 days)
 * @param inactivity a guest not seen for this long is swept (default 90 days)
 * @param activityGranularity {@code last_active_at} is written at most once per this period, so
 *     reads do not turn into writes (default 1 h)
 */
public record AppSettings(Duration accessTokenLifetime, Duration refreshTokenLifetime, Duration inactivity,
                          Duration activityGranularity) {

    public static final AppSettings DEFAULTS =
            new AppSettings(Duration.ofMinutes(30), Duration.ofDays(60), Duration.ofDays(90), Duration.ofHours(1));

    public AppSettings {
        requirePositive("access_token_lifetime", accessTokenLifetime);
        requirePositive("refresh_token_lifetime", refreshTokenLifetime);
        requirePositive("inactivity", inactivity);
        requirePositive("activity_granularity", activityGranularity);
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }

    /** The stored form: a flat map of seconds, readable by every store and by {@link #fromMap}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("access_token_lifetime_s", accessTokenLifetime.toSeconds());
        m.put("refresh_token_lifetime_s", refreshTokenLifetime.toSeconds());
        m.put("inactivity_s", inactivity.toSeconds());
        m.put("activity_granularity_s", activityGranularity.toSeconds());
        return m;
    }

    /** Reads {@link #toMap()}'s form; a missing key takes its default, so old rows stay readable. */
    public static AppSettings fromMap(Map<String, Object> m) {
        return new AppSettings(
                seconds(m, "access_token_lifetime_s", DEFAULTS.accessTokenLifetime),
                seconds(m, "refresh_token_lifetime_s", DEFAULTS.refreshTokenLifetime),
                seconds(m, "inactivity_s", DEFAULTS.inactivity),
                seconds(m, "activity_granularity_s", DEFAULTS.activityGranularity));
    }

    private static Duration seconds(Map<String, Object> m, String key, Duration fallback) {
        Object v = m.get(key);
        return v instanceof Number n ? Duration.ofSeconds(n.longValue()) : fallback;
    }
}
