package dev.atrium.core.apps;

import java.util.Map;

/**
 * The accepted range of a numeric app setting, in its wire unit (seconds or a count). Bounded so
 * that no admin value can overflow the arithmetic of a login (a lifetime of {@code Long.MAX_VALUE}
 * seconds made every token's {@code exp} overflow) and so a limit stays an int.
 */
public record SettingRange(long min, long max) {
    private static final long MINUTE = 60;
    private static final long HOUR = 3600;
    private static final long DAY = 24 * HOUR;
    /** The largest guest limit: high enough for a load test to lift it (the bench uses 1e9). */
    public static final long GUEST_MAX = 1_000_000_000L;

    /** The numeric settings keys (the throttles' are bounded by {@link ThrottleSettings}). */
    public static final Map<String, SettingRange> OF = Map.of(
            "access_token_lifetime_s", new SettingRange(MINUTE, DAY),
            "refresh_token_lifetime_s", new SettingRange(HOUR, 400 * DAY),
            "inactivity_s", new SettingRange(HOUR, 3650 * DAY),
            "activity_granularity_s", new SettingRange(MINUTE, 30 * DAY),
            "guest_rate_per_hour", new SettingRange(1, GUEST_MAX),
            "guest_burst", new SettingRange(1, GUEST_MAX),
            "guest_app_budget_per_hour", new SettingRange(0, GUEST_MAX));

    /** Whether {@code value} is a whole number in this range. */
    public boolean admits(Object value) {
        return value instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() >= min && n.longValue() <= max;
    }

    /** The problem message for {@code key}. */
    public String problem(String key) {
        return key + " must be a whole number in " + min + ".." + max;
    }
}
