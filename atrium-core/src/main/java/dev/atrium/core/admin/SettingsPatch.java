package dev.atrium.core.admin;

import dev.atrium.core.apps.AllowedOrigins;
import dev.atrium.core.apps.AppSettings;
import dev.atrium.core.apps.MergedGuest;
import dev.atrium.core.apps.SettingRange;
import dev.atrium.core.apps.ThrottleSettings;
import dev.atrium.core.kernel.HttpUrls;
import dev.atrium.core.kernel.WebhookSecrets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Applies a partial settings document; every unknown key or wrong type is named. */
final class SettingsPatch {
    static final Set<String> DURATIONS = Set.of("access_token_lifetime_s", "refresh_token_lifetime_s", "inactivity_s",
            "activity_granularity_s");
    static final Set<String> INTEGERS = Set.of("guest_rate_per_hour", "guest_burst", "guest_app_budget_per_hour");
    static final Set<String> STRINGS = Set.of("webhook_url", "webhook_secret");
    static final String ORIGINS = "allowed_origins";
    static final String MERGED_GUEST = "merged_guest";

    private SettingsPatch() {}

    static AppSettings apply(AppSettings s, Map<String, Object> changes) {
        List<String> problems = new ArrayList<>();
        changes.forEach((key, value) -> {
            if (ThrottleSettings.KEYS.contains(key)) {
                return; // ThrottleSettings.patched checks its own keys, with their bounds
            }
            String problem = problem(key, value);
            if (problem != null) {
                problems.add(problem);
            }
        });
        if (changes.get("webhook_secret") instanceof String secret && !secret.isEmpty()) {
            try {
                WebhookSecrets.check("webhook_secret", secret);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (changes.get("webhook_url") instanceof String url && !url.isEmpty()) {
            try {
                HttpUrls.parse("webhook_url", url);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        ThrottleSettings throttling = null;
        try {
            throttling = s.throttling().patched(changes);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        AllowedOrigins origins = s.allowedOrigins();
        if (changes.get(ORIGINS) instanceof List<?> entries && entries.stream().allMatch(e -> e instanceof String)) {
            try {
                origins = AllowedOrigins.parse(entries.stream().map(String.class::cast).toList());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        MergedGuest mergedGuest = s.mergedGuest();
        if (changes.containsKey(MERGED_GUEST)) {
            try {
                mergedGuest = MergedGuest.fromWire(changes.get(MERGED_GUEST));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        String url = changes.containsKey("webhook_url") ? emptyToNull((String) changes.get("webhook_url")) : s.webhookUrl();
        String secret = changes.containsKey("webhook_secret") ? emptyToNull((String) changes.get("webhook_secret")) : s.webhookSecret();
        return new AppSettings(d(changes, "access_token_lifetime_s", s.accessTokenLifetime()),
                d(changes, "refresh_token_lifetime_s", s.refreshTokenLifetime()), d(changes, "inactivity_s", s.inactivity()),
                d(changes, "activity_granularity_s", s.activityGranularity()), i(changes, "guest_rate_per_hour", s.guestRatePerHour()),
                i(changes, "guest_burst", s.guestBurst()), i(changes, "guest_app_budget_per_hour", s.guestAppBudgetPerHour()),
                url, secret, origins,
                throttling, mergedGuest);
    }

    /** What is wrong with one key's value by its type, or null. */
    private static String problem(String key, Object value) {
        if (DURATIONS.contains(key) || INTEGERS.contains(key)) {
            SettingRange range = SettingRange.OF.get(key);
            return range.admits(value) ? null : range.problem(key);
        }
        if (STRINGS.contains(key)) {
            return value == null || value instanceof String ? null : key + " must be a string or null";
        }
        if (MERGED_GUEST.equals(key)) {
            return null; // checked with its values in apply
        }
        if (ORIGINS.equals(key)) {
            return value instanceof List<?> l && l.stream().allMatch(e -> e instanceof String)
                    ? null : key + " must be an array of origins (\"https://blog.example\", \"https://*.example.com\"), [\"*\"] or []";
        }
        return "unknown setting '" + key + "'";
    }

    private static Duration d(Map<String, Object> m, String key, Duration current) {
        return m.get(key) instanceof Number n ? Duration.ofSeconds(n.longValue()) : current;
    }

    private static int i(Map<String, Object> m, String key, int current) {
        return m.get(key) instanceof Number n ? n.intValue() : current;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
