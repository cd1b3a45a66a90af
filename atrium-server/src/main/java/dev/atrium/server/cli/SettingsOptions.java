package dev.atrium.server.cli;

import dev.atrium.core.apps.MergedGuest;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The app settings an operator can change ({@code apps configure}, {@code apps settings}); only those given change. */
final class SettingsOptions {
    @Option(names = "--access-token-lifetime", paramLabel = "DURATION", converter = DurationOption.class,
            description = "how long an access token is valid, 1m..24h (default 30m)")
    Duration accessLifetime;
    @Option(names = "--refresh-token-lifetime", paramLabel = "DURATION", converter = DurationOption.class,
            description = "how long a refresh token (a session) is valid, 1h..400d (default 60d)")
    Duration refreshLifetime;
    @Option(names = "--inactivity", paramLabel = "DURATION", converter = DurationOption.class,
            description = "guests inactive this long are swept, 1h..3650d (default 90d)")
    Duration inactivity;
    @Option(names = "--activity-granularity", paramLabel = "DURATION", converter = DurationOption.class,
            description = "last activity is written at most this often, 1m..30d, shorter than --inactivity (default 1h)")
    Duration granularity;
    @Option(names = "--guest-rate-per-hour", paramLabel = "N", description = "guest sign-ups per hour per client network (default 100)")
    Integer guestRate;
    @Option(names = "--guest-burst", paramLabel = "N", description = "guest sign-ups at once per client network (default 30)")
    Integer guestBurst;
    @Option(names = "--guest-app-budget-per-hour", paramLabel = "N", description = "guest sign-ups per hour for the whole app; 0 = no app-wide budget (default)")
    Integer guestBudget;
    @Option(names = "--login-failure-burst", paramLabel = "N", description = "failed password logins before an account is locked (default 10)")
    Integer loginFailureBurst;
    @Option(names = "--login-failure-rate-per-hour", paramLabel = "N", description = "failed password logins an account gets back per hour (default 40)")
    Integer loginFailureRate;
    @Option(names = "--email-burst", paramLabel = "N", description = "confirmation/reset messages at once per address (default 3)")
    Integer emailBurst;
    @Option(names = "--email-rate-per-hour", paramLabel = "N", description = "confirmation/reset messages per hour per address (default 3)")
    Integer emailRate;
    @Option(names = "--network-burst", paramLabel = "N", description = "logins, sign-ups, token requests at once per network and route (default 30)")
    Integer networkBurst;
    @Option(names = "--network-rate-per-minute", paramLabel = "N", description = "the same per minute (default 60)")
    Integer networkRate;
    @Option(names = "--webhook-url", paramLabel = "URL", description = "where lifecycle events are POSTed ('' to stop)")
    String webhookUrl;
    @Option(names = "--webhook-secret", paramLabel = "SECRET", description = "signs every event (Standard Webhooks: whsec_<base64 of 24..64 bytes>; write-only)")
    String webhookSecret;
    @Option(names = "--allowed-origins", paramLabel = "ORIGINS", description = "browser origins that may call the client "
            + "API (CORS), comma-separated, e.g. 'https://blog.example,https://*.example.com'; '*' any (default), '' none")
    String allowedOrigins;
    @Option(names = "--merged-guest", paramLabel = "delete|keep", converter = MergedGuestOption.class,
            description = "a guest merged into the user of an identity it proved it owns is deleted (default), or kept "
                    + "with its sessions ended for the app to delete once it has moved the guest's data")
    MergedGuest mergedGuest;

    /** The changes as the admin API's settings document (durations in seconds). */
    Map<String, Object> patch() {
        Map<String, Object> m = new LinkedHashMap<>();
        seconds(m, "access_token_lifetime_s", accessLifetime);
        seconds(m, "refresh_token_lifetime_s", refreshLifetime);
        seconds(m, "inactivity_s", inactivity);
        seconds(m, "activity_granularity_s", granularity);
        ApiCommand.putGiven(m, "guest_rate_per_hour", guestRate);
        ApiCommand.putGiven(m, "guest_burst", guestBurst);
        ApiCommand.putGiven(m, "guest_app_budget_per_hour", guestBudget);
        ApiCommand.putGiven(m, "login_failure_burst", loginFailureBurst);
        ApiCommand.putGiven(m, "login_failure_rate_per_hour", loginFailureRate);
        ApiCommand.putGiven(m, "email_burst", emailBurst);
        ApiCommand.putGiven(m, "email_rate_per_hour", emailRate);
        ApiCommand.putGiven(m, "network_burst", networkBurst);
        ApiCommand.putGiven(m, "network_rate_per_minute", networkRate);
        ApiCommand.putGiven(m, "webhook_url", webhookUrl);
        ApiCommand.putGiven(m, "webhook_secret", webhookSecret);
        if (mergedGuest != null) {
            m.put("merged_guest", mergedGuest.wire());
        }
        if (allowedOrigins != null) {
            m.put("allowed_origins", Arrays.stream(allowedOrigins.split(",")).map(String::trim).filter(o -> !o.isEmpty()).toList());
        }
        return m;
    }

    private static void seconds(Map<String, Object> m, String key, Duration value) {
        if (value != null) {
            m.put(key, value.toSeconds());
        }
    }
}
