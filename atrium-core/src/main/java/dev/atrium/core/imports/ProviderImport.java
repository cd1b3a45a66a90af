package dev.atrium.core.imports;

import dev.atrium.core.admin.AppAdmin;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.apps.SecretFields;
import dev.atrium.core.auth.AppServicesProvider;
import dev.atrium.core.auth.AuthProvider;
import dev.atrium.core.auth.ImportedSettings;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One provider of the export into the app: the provider's own mapping ({@link
 * AuthProvider#fromAppServices}) laid over what the app has (so settings and secrets the operator
 * set after an earlier run stay), checked by the provider's declared settings through {@link
 * AppAdmin#configure}, exactly as an operator's change would be. A provider is enabled when App
 * Services had it enabled and nothing it needs is missing; the import never disables one.
 */
final class ProviderImport {
    private final AppAdmin admin;
    private final ImportMode mode;

    ProviderImport(AppAdmin admin, ImportMode mode) {
        this.admin = admin;
        this.mode = mode;
    }

    /** {@code current}: the app's provider of that type, or null (a new app has none). */
    ProviderReport apply(AppServicesProvider exported, ProviderConfig current) {
        Optional<AuthProvider<?>> provider = admin.installed().find(exported.type());
        if (provider.isEmpty()) {
            return ProviderReport.skipped(exported.type(), "Atrium has no such provider (installed: "
                    + String.join(", ", admin.installed().types()) + ")");
        }
        Optional<ImportedSettings> mapped = provider.get().fromAppServices(exported);
        if (mapped.isEmpty()) {
            return ProviderReport.skipped(exported.type(), "Atrium's provider has no App Services counterpart");
        }
        Map<String, Object> have = current == null ? Map.of() : current.config();
        Map<String, Object> config = new LinkedHashMap<>(have);
        config.putAll(mapped.get().settings());
        List<ImportedSettings.Needed> missing = mapped.get().needed().stream()
                .filter(n -> !config.containsKey(n.key())).toList();
        boolean blocked = missing.stream().anyMatch(ImportedSettings.Needed::beforeEnabling);
        String command = missing.isEmpty() ? null : command(exported, config, missing);
        if (blocked) {
            return report(exported, ProviderReport.State.WAITING, false,
                    exported.disabled() ? "App Services had it disabled" : null, missing, mapped.get(), command);
        }
        boolean enabled = current != null && current.enabled() || !exported.disabled();
        ProviderReport.State state = enabled ? ProviderReport.State.ENABLED : ProviderReport.State.DISABLED;
        boolean changed = current == null || current.enabled() != enabled || !current.config().equals(config);
        try {
            if (mode == ImportMode.DRY_RUN) {
                provider.get().settings().validate(config);
            } else if (changed) {
                admin.configure(exported.appId(), exported.type(), enabled, config);
            }
        } catch (AuthException | IllegalArgumentException e) {
            return report(exported, ProviderReport.State.INVALID, false, e.getMessage(), missing, mapped.get(),
                    command(exported, config, missing));
        }
        return report(exported, state, changed, null, missing, mapped.get(), command);
    }

    private static ProviderReport report(AppServicesProvider exported, ProviderReport.State state, boolean changed,
                                         String detail, List<ImportedSettings.Needed> missing, ImportedSettings mapped,
                                         String command) {
        return new ProviderReport(exported.type(), state, changed, detail, missing, mapped.unmapped(), command);
    }

    /**
     * {@code atrium providers enable} with the whole config: what the app has (its secrets left out,
     * so the stored ones are kept), the mapped settings, and a placeholder for each missing one.
     */
    private static String command(AppServicesProvider exported, Map<String, Object> config,
                                  List<ImportedSettings.Needed> missing) {
        Map<String, Object> shown = new LinkedHashMap<>(SecretFields.map(config, (path, secret) -> null));
        shown.values().removeIf(java.util.Objects::isNull);
        missing.forEach(n -> shown.put(n.key(), n.placeholder()));
        String json = Json.write(shown).replace("'", "'\\''");
        return "atrium providers enable --app " + exported.appId() + " " + exported.type() + " --settings '" + json + "'";
    }
}
