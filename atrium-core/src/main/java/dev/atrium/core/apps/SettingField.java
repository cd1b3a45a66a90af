package dev.atrium.core.apps;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One key of a provider's config as the provider declares it: what the admin API lists for the
 * console's form and reference, and what {@link ProviderSettings#declared} checks a config against.
 *
 * @param kind what the value is ({@link Kind})
 * @param required whether a config without it is refused (a condition such as "when reset is
 *     webhook" is not expressible here: the provider's own check enforces it, the description says it)
 * @param min for {@link Kind#INTEGER} the least value, for strings the least length; null = none
 * @param max the greatest value or length; null = none
 * @param defaultValue what applies when the key is absent, for display; null = nothing
 * @param choices the allowed values of a {@link Kind#CHOICE}
 * @param fields the keys of an {@link Kind#OBJECT}
 */
public record SettingField(String name, Kind kind, boolean required, String description, Long min, Long max,
                           Object defaultValue, List<String> choices, List<SettingField> fields) {

    /**
     * The kinds of values a config holds; {@link #wire()} is how the admin API names them. A
     * {@link #DURATION} is stored as a whole number of seconds (its bounds too), and the console
     * shows and takes it as a duration ({@code 30m}, {@code 90d}).
     */
    public enum Kind {
        STRING, TEXT, URL, INTEGER, DURATION, BOOLEAN, CHOICE, STRING_LIST, STRING_MAP, OBJECT;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SettingField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        choices = List.copyOf(choices);
        fields = List.copyOf(fields);
        if (kind == Kind.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException(name + ": a choice needs its values");
        }
        if (SecretFields.isSecret(name) && kind != Kind.STRING && kind != Kind.TEXT) {
            throw new IllegalArgumentException(name + ": a secret is a string (SecretFields stores and hides strings)");
        }
    }

    /**
     * Whether the value is write-only: decided by {@link SecretFields}' naming rule, never declared,
     * so the stores' encryption, the admin API's redaction and the declaration cannot disagree.
     */
    public boolean secret() {
        return SecretFields.isSecret(name);
    }

    public static SettingField string(String name, String description) {
        return of(name, Kind.STRING, description);
    }

    /** A multi-line string (e.g. a PEM key). */
    public static SettingField text(String name, String description) {
        return of(name, Kind.TEXT, description);
    }

    /** An http(s) URL. */
    public static SettingField url(String name, String description) {
        return of(name, Kind.URL, description);
    }

    public static SettingField integer(String name, String description) {
        return of(name, Kind.INTEGER, description);
    }

    /** A duration, stored as whole seconds (the key's name says so: {@code …_s}). */
    public static SettingField duration(String name, String description) {
        return of(name, Kind.DURATION, description);
    }

    public static SettingField bool(String name, String description) {
        return of(name, Kind.BOOLEAN, description);
    }

    public static SettingField choice(String name, String description, String... values) {
        return new SettingField(name, Kind.CHOICE, false, description, null, null, null, List.of(values), List.of());
    }

    public static SettingField stringList(String name, String description) {
        return of(name, Kind.STRING_LIST, description);
    }

    /** An object of string values under any keys (e.g. profile field → claim name). */
    public static SettingField stringMap(String name, String description) {
        return of(name, Kind.STRING_MAP, description);
    }

    public static SettingField object(String name, String description, SettingField... fields) {
        return new SettingField(name, Kind.OBJECT, false, description, null, null, null, List.of(), List.of(fields));
    }

    private static SettingField of(String name, Kind kind, String description) {
        return new SettingField(name, kind, false, description, null, null, null, List.of(), List.of());
    }

    /** This field, required. */
    public SettingField asRequired() {
        return new SettingField(name, kind, true, description, min, max, defaultValue, choices, fields);
    }

    /** This field with bounds: values for an integer, lengths for a string; null = unbounded. */
    public SettingField bounds(Long least, Long most) {
        return new SettingField(name, kind, required, description, least, most, defaultValue, choices, fields);
    }

    /** This field with the value that applies when it is absent. */
    public SettingField defaultsTo(Object value) {
        return new SettingField(name, kind, required, description, min, max, value, choices, fields);
    }
}
