package dev.atrium.core.apps;

import java.util.Arrays;
import java.util.Locale;

/**
 * What becomes of a guest merged into the user whose identity it proved it owns
 * (docs/client-api.md, Merging a guest); the app setting {@code merged_guest}.
 */
public enum MergedGuest {
    /** Deleted in the merge's transaction, after its {@code user.merged} event (the default). */
    DELETE,
    /** Kept, its sessions ended, for the app to delete once it has moved the guest's data. */
    KEEP;

    /** The wire form: lower case. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value named {@code wire}; IllegalArgumentException naming the setting and its values otherwise. */
    public static MergedGuest fromWire(Object wire) {
        return Arrays.stream(values()).filter(v -> v.wire().equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("merged_guest must be \"delete\" or \"keep\""));
    }
}
