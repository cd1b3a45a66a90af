package dev.atrium.core.imports;

import dev.atrium.core.auth.ImportedSettings;
import java.util.List;

/**
 * What became of one provider of the export.
 *
 * @param changed whether the import wrote it (or, in a dry run, would)
 * @param detail why it was skipped or is invalid; null otherwise
 * @param needed what the operator still has to set (secrets among them), none when nothing is missing
 * @param unmapped the provider's App Services settings that have no Atrium equivalent
 * @param command the command that sets what is needed (placeholders in angle brackets); null when nothing is
 */
public record ProviderReport(String type, State state, boolean changed, String detail, List<ImportedSettings.Needed> needed,
                             List<String> unmapped, String command) {

    public ProviderReport {
        needed = List.copyOf(needed);
        unmapped = List.copyOf(unmapped);
    }

    public enum State {
        /** Enabled in Atrium (its settings complete, and App Services had it enabled). */
        ENABLED,
        /** Configured but disabled: App Services had it disabled. */
        DISABLED,
        /** Not enabled until the operator sets what {@link #needed} lists. */
        WAITING,
        /** Its mapped settings fail the provider's check ({@link #detail} says how); nothing written. */
        INVALID,
        /** Not installed in Atrium, or with no App Services counterpart: nothing written. */
        SKIPPED
    }

    static ProviderReport skipped(String type, String why) {
        return new ProviderReport(type, State.SKIPPED, false, why, List.of(), List.of(), null);
    }
}
