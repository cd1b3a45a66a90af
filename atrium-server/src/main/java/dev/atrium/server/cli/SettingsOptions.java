package dev.atrium.server.cli;

import dev.atrium.core.apps.AppSettings;
import dev.atrium.server.config.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The app settings an operator can change ({@code apps configure}, {@code apps settings}); only those given change. */
final class SettingsOptions {
    @Option(names = "--access-token-lifetime", paramLabel = "DURATION")
    String accessLifetime;
    @Option(names = "--refresh-token-lifetime", paramLabel = "DURATION")
    String refreshLifetime;
    @Option(names = "--inactivity", paramLabel = "DURATION", description = "guests inactive this long are swept")
    String inactivity;
    @Option(names = "--activity-granularity", paramLabel = "DURATION")
    String granularity;
    @Option(names = "--guest-rate-per-hour")
    Integer guestRate;
    @Option(names = "--guest-burst")
    Integer guestBurst;
    @Option(names = "--guest-app-budget-per-hour", description = "0 = no app-wide budget")
    Integer guestBudget;
    @Option(names = "--webhook-url", description = "where lifecycle events are POSTed ('' to stop)")
    String webhookUrl;
    @Option(names = "--webhook-secret", description = "HMAC-SHA256 key of X-Atrium-Signature")
    String webhookSecret;

    /** The changes as the admin API's settings document (durations in seconds). */
    Map<String, Object> patch() {
        Map<String, Object> m = new LinkedHashMap<>();
        seconds(m, "access_token_lifetime_s", accessLifetime);
        seconds(m, "refresh_token_lifetime_s", refreshLifetime);
        seconds(m, "inactivity_s", inactivity);
        seconds(m, "activity_granularity_s", granularity);
        put(m, "guest_rate_per_hour", guestRate);
        put(m, "guest_burst", guestBurst);
        put(m, "guest_app_budget_per_hour", guestBudget);
        put(m, "webhook_url", webhookUrl);
        put(m, "webhook_secret", webhookSecret);
        return m;
    }

    /** {@code s} with the changes applied (the store path; the constructor checks the result). */
    AppSettings apply(AppSettings s) {
        String url = webhookUrl == null ? s.webhookUrl() : webhookUrl.isEmpty() ? null : webhookUrl;
        return new AppSettings(d(accessLifetime, s.accessTokenLifetime()), d(refreshLifetime, s.refreshTokenLifetime()),
                d(inactivity, s.inactivity()), d(granularity, s.activityGranularity()),
                guestRate == null ? s.guestRatePerHour() : guestRate, guestBurst == null ? s.guestBurst() : guestBurst,
                guestBudget == null ? s.guestAppBudgetPerHour() : guestBudget, url,
                webhookSecret == null ? s.webhookSecret() : webhookSecret);
    }

    private static Duration d(String text, Duration current) {
        return text == null ? current : Durations.parse(text);
    }

    private static void seconds(Map<String, Object> m, String key, String text) {
        if (text != null) {
            m.put(key, Durations.parse(text).toSeconds());
        }
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
