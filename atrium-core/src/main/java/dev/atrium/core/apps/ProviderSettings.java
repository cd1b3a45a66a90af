package dev.atrium.core.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a provider's config may hold: the declared {@link SettingField}s (listed by the admin API for
 * the console) and the check a config must pass before it is stored.
 *
 * @param check the rules of the provider: by default {@link #declared}'s check of the fields; a
 *     provider with rules across keys (exactly one key source, a URL required in webhook mode)
 *     supplies its own with {@link #checkedBy}
 */
public record ProviderSettings(List<SettingField> fields, Check check) {

    /** Checks a config before it is stored: IllegalArgumentException naming every problem. */
    @FunctionalInterface
    public interface Check {
        void check(Map<String, Object> config);
    }

    public ProviderSettings {
        fields = List.copyOf(fields);
        Objects.requireNonNull(check, "check");
    }

    /**
     * Settings made of {@code fields}, checked against them: no unknown key, every required key,
     * each value of its kind and within its bounds and choices, objects recursively.
     */
    public static ProviderSettings declared(SettingField... fields) {
        List<SettingField> list = List.of(fields);
        return new ProviderSettings(list, config -> DeclaredCheck.check(list, config));
    }

    /** A provider with no settings: any key is refused with "{@code type} takes no config". */
    public static ProviderSettings none(String type) {
        return new ProviderSettings(List.of(), config -> {
            if (!config.isEmpty()) {
                throw new IllegalArgumentException(type + " takes no config");
            }
        });
    }

    /** These fields with the provider's own rules in place of the declared check. */
    public ProviderSettings checkedBy(Check rules) {
        return new ProviderSettings(fields, rules);
    }

    /**
     * These fields checked as declared and then by {@code more} (a pattern, a list that must not be
     * empty, a rule across keys), every problem of both named at once. {@code more} sees the config
     * unchecked, so it tests the kinds it relies on.
     */
    public ProviderSettings alsoChecking(Rules more) {
        Check declared = check;
        return new ProviderSettings(fields, config -> {
            List<String> problems = new ArrayList<>();
            try {
                declared.check(config);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
            problems.addAll(more.problems(config));
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
        });
    }

    /** A provider's rules beyond its declared fields: the problems of a config, none when it passes. */
    @FunctionalInterface
    public interface Rules {
        List<String> problems(Map<String, Object> config);
    }

    /** Applies the check; IllegalArgumentException naming every problem. */
    public void validate(Map<String, Object> config) {
        check.check(config);
    }
}
