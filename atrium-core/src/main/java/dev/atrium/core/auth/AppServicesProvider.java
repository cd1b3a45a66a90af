package dev.atrium.core.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One provider's entry in the {@code auth/providers.json} of an App Services app export (App
 * Services' "User &amp; Authentication Provider Configuration Files"), as plain values: what a
 * provider reads to make its own settings ({@link AuthProvider#fromAppServices}). Secrets are never
 * in an export: {@code secret_config} names the App Services secret that held each one.
 *
 * @param appId the App Services client app id, which the imported Atrium app keeps
 * @param type the provider type ({@code name} and {@code type} are always the same there)
 * @param config the provider's {@code config} document
 * @param secretConfig setting name → name of the App Services secret that held its value
 * @param metadataFields the {@code metadata_fields} documents ({@code name}, {@code field_name}, {@code required})
 * @param redirectUris the app's pages App Services could send a browser back to after an OAuth sign-in
 * @param domainRestrictions the e-mail domains App Services restricted an OAuth provider to
 */
public record AppServicesProvider(String appId, String type, boolean disabled, Map<String, Object> config,
                                  Map<String, Object> secretConfig, List<Map<String, Object>> metadataFields,
                                  List<String> redirectUris, List<String> domainRestrictions) {

    public AppServicesProvider {
        config = copy(config);
        secretConfig = copy(secretConfig);
        metadataFields = metadataFields == null ? List.of()
                : metadataFields.stream().map(AppServicesProvider::copy).toList();
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        domainRestrictions = domainRestrictions == null ? List.of() : List.copyOf(domainRestrictions);
    }

    /** {@code config.<key>} when it is a non-blank string, else null. */
    public String string(String key) {
        return config.get(key) instanceof String s && !s.isBlank() ? s : null;
    }

    /** {@code config.<key>} when it is {@code true}. */
    public boolean flag(String key) {
        return Boolean.TRUE.equals(config.get(key));
    }

    /** The names of the App Services secrets under {@code secret_config.<key>} (one, or a list of them). */
    public List<String> secretNames(String key) {
        Object v = secretConfig.get(key);
        if (v instanceof String s && !s.isBlank()) {
            return List.of(s);
        }
        if (v instanceof List<?> l) {
            return l.stream().filter(x -> x instanceof String s && !s.isBlank()).map(String::valueOf).toList();
        }
        return List.of();
    }

    /** JSON objects may hold nulls, which {@link Map#copyOf} refuses: an unmodifiable ordered copy instead. */
    private static Map<String, Object> copy(Map<String, Object> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
