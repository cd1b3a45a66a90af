package dev.atrium.core.apps;

import java.util.Map;

/**
 * An auth provider as configured for one app (docs/architecture.md, Providers). A disabled provider answers
 * {@code AuthProviderNotFound}; disabling never deletes users.
 *
 * @param id the provider's id, shown to SDKs as {@code provider_id} in profiles
 * @param type the wire name, e.g. {@code anon-user}
 * @param config provider-specific settings (empty for {@code anon-user})
 */
public record ProviderConfig(String id, String appId, String type, boolean enabled, Map<String, Object> config) {
    public ProviderConfig {
        config = Map.copyOf(config);
    }

    public ProviderConfig withEnabled(boolean value) {
        return new ProviderConfig(id, appId, type, value, config);
    }
}
