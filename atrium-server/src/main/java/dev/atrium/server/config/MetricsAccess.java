package dev.atrium.server.config;

import java.util.Arrays;
import java.util.Optional;

/** Who may read {@code GET /metrics}: anyone (a scraper on a private network), or admin-token holders. */
public enum MetricsAccess {
    PUBLIC("public"),
    ADMIN_TOKEN("admin-token");

    private final String key;

    MetricsAccess(String key) {
        this.key = key;
    }

    /** The configuration value. */
    public String key() {
        return key;
    }

    /** The access of a configuration value, if it names one. */
    public static Optional<MetricsAccess> parse(String value) {
        return Arrays.stream(values()).filter(a -> a.key.equals(value.trim())).findFirst();
    }
}
