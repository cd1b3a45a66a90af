package dev.atrium.core.apps;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Per-app settings (docs/client-api.md, Tokens; docs/architecture.md, Inactive guests are swept).
 *
 * @param accessTokenLifetime how long an access token is valid (default 30 min, as App Services)
 * @param refreshTokenLifetime how long a session's refresh token is valid (default 60 days)
 * @param inactivity a guest not seen for this long is swept (default 90 days)
 * @param activityGranularity {@code last_active_at} is written at most once per this period, so
 *     reads do not turn into writes (default 1 h); must be shorter than {@code inactivity}, so any
 *     activity of a guest about to be swept is written (and wins against the sweeper)
 * @param guestRatePerHour guest sign-ups per client network per hour (default 100, Firebase's; Supabase's is 30)
 * @param guestBurst sign-ups a client network may make at once (default 30)
 * @param guestAppBudgetPerHour guest sign-ups per hour for the whole app; 0 = no budget
 * @param webhookUrl where lifecycle events are POSTed; null = not delivered
 * @param webhookSecret signs the events (Standard Webhooks; what it means as a key: {@code WebhookSecrets})
 * @param allowedOrigins the browser origins that may call the client API (CORS; default any)
 * @param throttling limits on password logins, mails and requests per network ({@link ThrottleSettings})
 * @param mergedGuest what becomes of a guest merged into another user ({@link MergedGuest}; default: deleted)
 */
public record AppSettings(Duration accessTokenLifetime, Duration refreshTokenLifetime, Duration inactivity,
                          Duration activityGranularity, int guestRatePerHour, int guestBurst, int guestAppBudgetPerHour,
                          String webhookUrl, String webhookSecret, AllowedOrigins allowedOrigins,
                          ThrottleSettings throttling, MergedGuest mergedGuest) {

    public static final AppSettings DEFAULTS = new AppSettings(Duration.ofMinutes(30), Duration.ofDays(60),
            Duration.ofDays(90), Duration.ofHours(1), 100, 30, 0, null, null, AllowedOrigins.ANY,
            ThrottleSettings.DEFAULTS, MergedGuest.DELETE);

    /** Settings whose merged guests are deleted (the default). */
    public AppSettings(Duration accessTokenLifetime, Duration refreshTokenLifetime, Duration inactivity,
                       Duration activityGranularity, int guestRatePerHour, int guestBurst, int guestAppBudgetPerHour,
                       String webhookUrl, String webhookSecret, AllowedOrigins allowedOrigins, ThrottleSettings throttling) {
        this(accessTokenLifetime, refreshTokenLifetime, inactivity, activityGranularity, guestRatePerHour, guestBurst,
                guestAppBudgetPerHour, webhookUrl, webhookSecret, allowedOrigins, throttling, MergedGuest.DELETE);
    }

    public AppSettings {
        requirePositive("access_token_lifetime", accessTokenLifetime);
        requirePositive("refresh_token_lifetime", refreshTokenLifetime);
        requirePositive("inactivity", inactivity);
        requirePositive("activity_granularity", activityGranularity);
        if (activityGranularity.compareTo(inactivity) >= 0) {
            throw new IllegalArgumentException("activity_granularity must be shorter than inactivity");
        }
        if (guestRatePerHour < 1 || guestBurst < 1 || guestAppBudgetPerHour < 0) {
            throw new IllegalArgumentException("guest rate and burst must be >= 1, the app budget >= 0");
        }
        Objects.requireNonNull(allowedOrigins, "allowedOrigins");
        if (throttling == null) {
            throw new IllegalArgumentException("throttling settings are required");
        }
        Objects.requireNonNull(mergedGuest, "mergedGuest");
    }

    /** These settings with other guest admission limits (per network per hour, burst, app-wide budget; 0 = none). */
    public AppSettings withGuestLimits(int ratePerHour, int burst, int appBudgetPerHour) {
        return new AppSettings(accessTokenLifetime, refreshTokenLifetime, inactivity, activityGranularity, ratePerHour,
                burst, appBudgetPerHour, webhookUrl, webhookSecret, allowedOrigins,
                throttling, mergedGuest);
    }

    /** These settings with other throttles. */
    public AppSettings withThrottling(ThrottleSettings value) {
        return new AppSettings(accessTokenLifetime, refreshTokenLifetime, inactivity, activityGranularity, guestRatePerHour,
                guestBurst, guestAppBudgetPerHour, webhookUrl, webhookSecret, allowedOrigins,
                value, mergedGuest);
    }

    /** These settings with other allowed browser origins. */
    public AppSettings withAllowedOrigins(AllowedOrigins origins) {
        return new AppSettings(accessTokenLifetime, refreshTokenLifetime, inactivity, activityGranularity, guestRatePerHour,
                guestBurst, guestAppBudgetPerHour, webhookUrl, webhookSecret, origins, throttling, mergedGuest);
    }

    /** These settings with another fate for merged guests. */
    public AppSettings withMergedGuest(MergedGuest value) {
        return new AppSettings(accessTokenLifetime, refreshTokenLifetime, inactivity, activityGranularity, guestRatePerHour,
                guestBurst, guestAppBudgetPerHour, webhookUrl, webhookSecret, allowedOrigins, throttling, value);
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }

    /** The stored form: a flat map of seconds (and the origins' list), readable by every store and by {@link #fromMap}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("access_token_lifetime_s", accessTokenLifetime.toSeconds());
        m.put("refresh_token_lifetime_s", refreshTokenLifetime.toSeconds());
        m.put("inactivity_s", inactivity.toSeconds());
        m.put("activity_granularity_s", activityGranularity.toSeconds());
        m.put("guest_rate_per_hour", guestRatePerHour);
        m.put("guest_burst", guestBurst);
        m.put("guest_app_budget_per_hour", guestAppBudgetPerHour);
        if (webhookUrl != null) {
            m.put("webhook_url", webhookUrl);
            m.put("webhook_secret", webhookSecret);
        }
        throttling.putInto(m);
        m.put("allowed_origins", allowedOrigins.entries());
        m.put("merged_guest", mergedGuest.wire());
        return m;
    }

    /** Reads {@link #toMap()}'s form; a missing key takes its default, so old rows stay readable. */
    public static AppSettings fromMap(Map<String, Object> m) {
        return new AppSettings(
                seconds(m, "access_token_lifetime_s", DEFAULTS.accessTokenLifetime),
                seconds(m, "refresh_token_lifetime_s", DEFAULTS.refreshTokenLifetime),
                seconds(m, "inactivity_s", DEFAULTS.inactivity),
                seconds(m, "activity_granularity_s", DEFAULTS.activityGranularity),
                integer(m, "guest_rate_per_hour", DEFAULTS.guestRatePerHour),
                integer(m, "guest_burst", DEFAULTS.guestBurst),
                integer(m, "guest_app_budget_per_hour", DEFAULTS.guestAppBudgetPerHour),
                m.get("webhook_url") instanceof String u ? u : null,
                m.get("webhook_secret") instanceof String k ? k : null,
                origins(m.get("allowed_origins")),
                ThrottleSettings.fromMap(m),
                m.get("merged_guest") instanceof String g ? MergedGuest.fromWire(g) : DEFAULTS.mergedGuest);
    }

    /** Rows written before the setting existed have no key: any origin, as then. */
    private static AllowedOrigins origins(Object stored) {
        if (!(stored instanceof List<?> list)) {
            return AllowedOrigins.ANY;
        }
        return AllowedOrigins.parse(list.stream().map(String::valueOf).toList());
    }

    private static int integer(Map<String, Object> m, String key, int fallback) {
        return m.get(key) instanceof Number n ? n.intValue() : fallback;
    }

    private static Duration seconds(Map<String, Object> m, String key, Duration fallback) {
        Object v = m.get(key);
        return v instanceof Number n ? Duration.ofSeconds(n.longValue()) : fallback;
    }
}
