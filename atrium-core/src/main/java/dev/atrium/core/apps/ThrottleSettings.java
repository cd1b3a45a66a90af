package dev.atrium.core.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Per-app throttles where guessing or flooding pays (docs/architecture.md, Abuse), each a token bucket.
 * The components are the wire keys of the admin API's settings document.
 *
 * @param loginFailureRatePerHour failed password logins an account (app + e-mail, known or not)
 *     gets back per hour (default 40: 10 per 15 minutes)
 * @param loginFailureBurst failed password logins an account may have before it is locked
 *     (default 10); while locked, every password login of it is refused, the right one too
 * @param emailRatePerHour confirmation and reset mails and webhook calls per e-mail address per hour (default 3)
 * @param emailBurst such messages an address may get at once (default 3)
 * @param networkRatePerMinute requests per client network (IPv4 /32, IPv6 /64) per route family per
 *     minute: password and API-key logins, registrations, token deliveries, token checks (default 60)
 * @param networkBurst such requests a network may make at once (default 30)
 */
public record ThrottleSettings(int loginFailureRatePerHour, int loginFailureBurst, int emailRatePerHour, int emailBurst,
                               int networkRatePerMinute, int networkBurst) {
    /** The largest value of any key: high enough to lift a limit for a load test, low enough to stay an int. */
    public static final int MAX = 1_000_000;
    /** The settings keys, in the order of the components (declared before DEFAULTS, whose constructor reads them). */
    public static final List<String> KEYS = List.of("login_failure_rate_per_hour", "login_failure_burst",
            "email_rate_per_hour", "email_burst", "network_rate_per_minute", "network_burst");
    public static final ThrottleSettings DEFAULTS = new ThrottleSettings(40, 10, 3, 3, 60, 30);

    public ThrottleSettings {
        List<String> problems = new ArrayList<>();
        int[] values = {loginFailureRatePerHour, loginFailureBurst, emailRatePerHour, emailBurst, networkRatePerMinute,
                networkBurst};
        for (int i = 0; i < values.length; i++) {
            check(KEYS.get(i), values[i], problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    public RateLimit loginFailures() {
        return RateLimit.perHour(loginFailureBurst, loginFailureRatePerHour);
    }

    public RateLimit emails() {
        return RateLimit.perHour(emailBurst, emailRatePerHour);
    }

    public RateLimit network() {
        return RateLimit.perMinute(networkBurst, networkRatePerMinute);
    }

    /** Adds the keys to a settings document. */
    public void putInto(Map<String, Object> m) {
        int[] values = values();
        for (int i = 0; i < values.length; i++) {
            m.put(KEYS.get(i), values[i]);
        }
    }

    /** Reads the keys of a settings document; a missing key takes its default, so old rows stay readable. */
    public static ThrottleSettings fromMap(Map<String, Object> m) {
        return DEFAULTS.patched(m);
    }

    /**
     * These settings with the keys present in {@code changes} replaced. Every value must be a whole
     * number in 1..{@link #MAX}; otherwise IllegalArgumentException naming every bad key.
     */
    public ThrottleSettings patched(Map<String, Object> changes) {
        int[] values = values();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            String key = KEYS.get(i);
            if (!changes.containsKey(key)) {
                continue;
            }
            if (changes.get(key) instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() >= 1
                    && n.longValue() <= MAX) {
                values[i] = n.intValue();
            } else {
                problems.add(key + " must be a whole number in 1.." + MAX);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new ThrottleSettings(values[0], values[1], values[2], values[3], values[4], values[5]);
    }

    private int[] values() {
        return new int[] {loginFailureRatePerHour, loginFailureBurst, emailRatePerHour, emailBurst, networkRatePerMinute,
                networkBurst};
    }

    private static void check(String key, int value, List<String> problems) {
        if (value < 1 || value > MAX) {
            problems.add(key + " must be a whole number in 1.." + MAX);
        }
    }
}
