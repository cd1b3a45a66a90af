package dev.atrium.core.apps;

import java.time.Duration;

/**
 * A token-bucket limit: {@code burst} at once, then {@code rate} more per {@code per}, refilled
 * continuously (docs/architecture.md, Abuse).
 */
public record RateLimit(int burst, int rate, Duration per) {
    public RateLimit {
        if (burst < 1 || rate < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a rate limit needs burst >= 1, rate >= 1 and a positive period");
        }
    }

    public static RateLimit perHour(int burst, int rate) {
        return new RateLimit(burst, rate, Duration.ofHours(1));
    }

    public static RateLimit perMinute(int burst, int rate) {
        return new RateLimit(burst, rate, Duration.ofMinutes(1));
    }

    /** Tokens refilled per second. */
    public double perSecond() {
        return rate / (per.toNanos() / 1e9);
    }
}
