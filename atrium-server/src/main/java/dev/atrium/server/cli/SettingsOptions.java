package dev.atrium.server.cli;

import dev.atrium.server.config.Durations;
import java.util.Arrays;
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
    @Option(names = "--login-failure-burst", description = "failed password logins before an account is locked (default 10)")
    Integer loginFailureBurst;
    @Option(names = "--login-failure-rate-per-hour", description = "failed password logins an account gets back per hour (default 40)")
    Integer loginFailureRate;
    @Option(names = "--email-burst", description = "confirmation/reset messages at once per address (default 3)")
    Integer emailBurst;
    @Option(names = "--email-rate-per-hour", description = "confirmation/reset messages per hour per address (default 3)")
    Integer emailRate;
    @Option(names = "--network-burst", description = "logins, sign-ups, token requests at once per network and route (default 30)")
    Integer networkBurst;
    @Option(names = "--network-rate-per-minute", description = "the same per minute (default 60)")
    Integer networkRate;
    @Option(names = "--webhook-url", description = "where lifecycle events are POSTed ('' to stop)")
    String webhookUrl;
    @Option(names = "--webhook-secret", description = "signs every event (Standard Webhooks: whsec_<base64 of 24..64 bytes>)")
    String webhookSecret;
    @Option(names = "--allowed-origins", paramLabel = "ORIGINS", description = "browser origins that may call the client "
            + "API (CORS), comma-separated, e.g. 'https://blog.example,https://*.example.com'; '*' any (default), '' none")
    String allowedOrigins;

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
        if (allowedOrigins != null) {
            m.put("allowed_origins", Arrays.stream(allowedOrigins.split(",")).map(String::trim).filter(o -> !o.isEmpty()).toList());
        }
        return m;
    }

    private static void seconds(Map<String, Object> m, String key, String text) {
        if (text != null) {
            m.put(key, Durations.parse(text).toSeconds());
        }
    }
}
