package dev.atrium.server.config;

import dev.atrium.core.auth.GuestLimits;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where guest admission limits are kept ({@code guest-limits}): by the store (PostgreSQL: in the
 * database, one limit for every node; SQLite: in memory, being one node), or in each node's
 * memory (each node counts apart; the store writes no buckets).
 */
public enum GuestLimitsMode {
    STORE("store"),
    NODE("node");

    private final String key;

    GuestLimitsMode(String key) {
        this.key = key;
    }

    /** The configuration value. */
    public String key() {
        return key;
    }

    /** A new set of limits of this kind for one server (per-node buckets start empty). */
    public GuestLimits create() {
        return this == STORE ? GuestLimits.byStore() : GuestLimits.perNode();
    }

    /** The mode a configuration value names, if any. */
    public static Optional<GuestLimitsMode> parse(String value) {
        return Arrays.stream(values()).filter(m -> m.key.equals(value.trim())).findFirst();
    }
}
