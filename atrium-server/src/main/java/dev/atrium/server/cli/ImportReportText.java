package dev.atrium.server.cli;

import dev.atrium.core.auth.ImportedSettings;
import dev.atrium.core.imports.FileReport;
import dev.atrium.core.imports.ImportMode;
import dev.atrium.core.imports.ImportReport;
import dev.atrium.core.imports.ProviderReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What {@code atrium import app-services} prints when it is done: the app, each provider, each file, and what is left to do. */
final class ImportReportText {
    private ImportReportText() {}

    static void print(PrintWriter out, ImportReport r) {
        boolean dry = r.mode() == ImportMode.DRY_RUN;
        out.println("app " + r.appId() + " (\"" + r.appName() + "\"): " + (dry ? "would be " : "")
                + r.app().name().toLowerCase(Locale.ROOT));
        out.println("providers:");
        Table t = new Table("PROVIDER", "STATE", "DETAIL");
        for (ProviderReport p : r.providers()) {
            t.row(p.type(), state(p, dry), detail(p));
        }
        t.print(out);
        if (!r.files().isEmpty()) {
            out.println("users:");
        }
        for (FileReport f : r.files()) {
            out.printf(Locale.ROOT, "  %s: %d records: %d new, %d updated, %d left out%s%s%s in %.1f s (%.0f records/s)%n",
                    f.file(), f.records(), f.created(), f.updated(), f.refused(),
                    f.pending() == 0 ? "" : ", " + f.pending() + " pending registrations left out (they register again)",
                    f.apiKeyIdentities() == 0 ? "" : ", " + f.apiKeyIdentities() + " API-key identities left out (keys "
                            + "cannot be exported: users create new ones)",
                    f.complete() ? "" : ", reading stopped at malformed JSON",
                    f.seconds(), f.records() / Math.max(f.seconds(), 1e-3));
        }
        List<ProviderReport> unmapped = r.providers().stream().filter(p -> !p.unmapped().isEmpty()).toList();
        if (!unmapped.isEmpty()) {
            out.println("App Services settings with no Atrium equivalent:");
            unmapped.forEach(p -> p.unmapped().forEach(line -> out.println("  " + p.type() + " " + line)));
        }
        List<ProviderReport> todo = r.providers().stream().filter(p -> p.command() != null).toList();
        if (!todo.isEmpty()) {
            out.println("To set (exports hold no secrets; replace each <…> and run):");
            for (ProviderReport p : todo) {
                for (ImportedSettings.Needed n : p.needed()) {
                    out.println("  " + p.type() + " " + n.key() + (n.secret() ? " (secret)" : "") + ": " + n.why()
                            + (n.beforeEnabling() ? "" : " (optional)"));
                }
                out.println("    " + p.command());
            }
        }
        if (r.created() + r.updated() > 0) {
            out.println("E-mail users come without a password (App Services never exports hashes): their first login "
                    + "fails until they reset it. Once local-userpass can send resets, invite them all:");
            out.println("  atrium users send-resets --app " + r.appId() + " --per-second 10");
        }
    }

    private static String state(ProviderReport p, boolean dry) {
        String s = switch (p.state()) {
            case ENABLED -> "enabled";
            case DISABLED -> "disabled";
            case WAITING -> "waiting";
            case INVALID -> "invalid";
            case SKIPPED -> "skipped";
        };
        if (p.state() == ProviderReport.State.ENABLED || p.state() == ProviderReport.State.DISABLED) {
            s += p.changed() ? (dry ? " (would change)" : " (changed)") : " (unchanged)";
        }
        return s;
    }

    private static String detail(ProviderReport p) {
        String needs = p.needed().isEmpty() || p.state() == ProviderReport.State.INVALID ? null
                : (p.state() == ProviderReport.State.WAITING ? "needs " : "optional: ") + p.needed().stream()
                        .map(n -> n.key() + (n.secret() ? " (secret)" : "")).collect(Collectors.joining(", "));
        return java.util.stream.Stream.of(p.detail(), needs).filter(java.util.Objects::nonNull)
                .collect(Collectors.joining("; "));
    }
}
