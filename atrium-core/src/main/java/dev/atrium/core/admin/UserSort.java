package dev.atrium.core.admin;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The order of an admin user list. "Created" is the order of user ids, which are time-ordered
 * (docs/architecture.md, ids: 4 bytes of the creation second first), so it needs no index beyond
 * the primary key; within one second the order is the id's. "Last active" is by
 * {@code last_active_at}, then id.
 */
public enum UserSort {
    CREATED("created"),
    CREATED_DESC("-created"),
    LAST_ACTIVE("last_active"),
    LAST_ACTIVE_DESC("-last_active");

    private final String wire;

    UserSort(String wire) {
        this.wire = wire;
    }

    /** How the admin API and CLI name it ({@code created}, {@code -last_active}: a minus is newest first). */
    public String wire() {
        return wire;
    }

    public boolean descending() {
        return wire.startsWith("-");
    }

    public boolean byActivity() {
        return this == LAST_ACTIVE || this == LAST_ACTIVE_DESC;
    }

    /** The sort of its wire name; IllegalArgumentException naming the accepted ones. */
    public static UserSort parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "sort must be one of " + Arrays.stream(values()).map(UserSort::wire).collect(Collectors.joining(", "))));
    }
}
