package dev.atrium.server.http.admin;

import static dev.atrium.server.http.admin.AdminViews.map;

import dev.atrium.core.apps.SettingField;
import dev.atrium.core.auth.AuthProvider;
import dev.atrium.core.auth.ProviderPolicy;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The installed providers as {@code GET /api/admin/v1/providers} shows them (openapi.json's
 * {@code InstalledProvider}): what the console builds its provider cards and settings reference from.
 */
final class ProviderViews {
    private ProviderViews() {}

    static List<Map<String, Object>> installed(List<AuthProvider<?>> providers) {
        return providers.stream().map(ProviderViews::installed).toList();
    }

    private static Map<String, Object> installed(AuthProvider<?> p) {
        ProviderPolicy policy = p.policy();
        return map("type", p.type(), "description", p.description(),
                "policy", map("admission", wire(policy.admission()), "linkable", policy.linking().allowed(),
                        "link_refusal", policy.linking().refusal(), "logout", wire(policy.logout())),
                "settings", fields(p.settings().fields()));
    }

    private static List<Map<String, Object>> fields(List<SettingField> fields) {
        return fields.stream().map(f -> map("name", f.name(), "kind", f.kind().wire(), "required", f.required(),
                "secret", f.secret(), "description", f.description(), "min", f.min(), "max", f.max(),
                "default", f.defaultValue(), "choices", f.choices(), "fields", fields(f.fields()))).toList();
    }

    private static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
