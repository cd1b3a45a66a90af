package dev.atrium.core.auth;

import dev.atrium.core.apps.SecretFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a provider makes of its App Services configuration ({@link AuthProvider#fromAppServices}):
 * its Atrium settings as far as the export tells them, the settings the operator must add (every
 * secret, since exports hold none, and what App Services did itself, such as sending mail), and
 * the App Services settings Atrium has no equivalent of, each said in one line.
 *
 * @param settings the provider's settings, checked later against its declared {@link AuthProvider#settings()}
 * @param needed settings the export cannot give, with a placeholder the import prints in the command to set them
 * @param unmapped App Services settings with no Atrium equivalent: {@code "<setting>: <what happens instead>"}
 */
public record ImportedSettings(Map<String, Object> settings, List<Needed> needed, List<String> unmapped) {

    public ImportedSettings {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        needed = List.copyOf(needed);
        unmapped = List.copyOf(unmapped);
    }

    /**
     * A setting the operator adds.
     *
     * @param placeholder what the printed command shows in its place (a text, or an object of texts)
     * @param beforeEnabling whether the provider cannot work without it (else only a feature needs it,
     *     e.g. Google's client secret for auth codes), so the import leaves it disabled until it is set
     */
    public record Needed(String key, Object placeholder, String why, boolean beforeEnabling) {
        /** Whether it is a secret, by Atrium's one rule for secrets ({@link SecretFields}). */
        public boolean secret() {
            return SecretFields.isSecret(key);
        }
    }

    /** The placeholder of a value that was an App Services secret named {@code secretName}. */
    public static String secretValue(String secretName) {
        return "<the value of App Services secret '" + secretName + "'>";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds the settings one mapped key at a time. */
    public static final class Builder {
        private final Map<String, Object> settings = new LinkedHashMap<>();
        private final List<Needed> needed = new ArrayList<>();
        private final List<String> unmapped = new ArrayList<>();

        private Builder() {}

        /** Sets {@code key}; a null value sets nothing. */
        public Builder set(String key, Object value) {
            if (value != null) {
                settings.put(key, value);
            }
            return this;
        }

        /** A setting the provider cannot be enabled without. */
        public Builder need(String key, Object placeholder, String why) {
            needed.add(new Needed(key, placeholder, why, true));
            return this;
        }

        /** A setting only some of the provider's features need. */
        public Builder needFor(String key, Object placeholder, String why) {
            needed.add(new Needed(key, placeholder, why, false));
            return this;
        }

        /** An App Services setting with no equivalent: {@code "<setting>: <what happens instead>"}. */
        public Builder unmapped(String line) {
            unmapped.add(line);
            return this;
        }

        public ImportedSettings build() {
            return new ImportedSettings(settings, needed, unmapped);
        }
    }
}
