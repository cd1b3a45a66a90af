package dev.atrium.core.apps;

import dev.atrium.core.kernel.HttpUrls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The check of a config against declared {@link SettingField}s, naming every problem by its dotted path. */
final class DeclaredCheck {
    private DeclaredCheck() {}

    static void check(List<SettingField> fields, Map<String, Object> config) {
        List<String> problems = new ArrayList<>();
        checkObject(fields, config, "", problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkObject(List<SettingField> fields, Map<String, Object> config, String prefix, List<String> problems) {
        Set<String> known = fields.stream().map(SettingField::name).collect(Collectors.toSet());
        config.keySet().stream().filter(k -> !known.contains(k)).sorted()
                .forEach(k -> problems.add(prefix + k + " is not a setting (known: " + String.join(", ", known.stream().sorted().toList()) + ")"));
        for (SettingField f : fields) {
            String path = prefix + f.name();
            Object v = config.get(f.name());
            if (v == null) {
                if (f.required()) {
                    problems.add(path + " is required");
                }
                continue;
            }
            String problem = problem(f, v, path);
            if (problem != null) {
                problems.add(problem);
            } else if (f.kind() == SettingField.Kind.OBJECT) {
                checkObject(f.fields(), (Map<String, Object>) v, path + ".", problems);
            }
        }
    }

    /** What is wrong with {@code v} as a value of {@code f}, or null. */
    private static String problem(SettingField f, Object v, String path) {
        return switch (f.kind()) {
            case STRING, TEXT -> v instanceof String s ? length(f, s, path) : path + " must be a string";
            case URL -> v instanceof String s ? url(s, path) : path + " must be a string";
            case INTEGER, DURATION -> v instanceof Integer || v instanceof Long ? range(f, ((Number) v).longValue(), path)
                    : path + " must be an integer";
            case BOOLEAN -> v instanceof Boolean ? null : path + " must be true or false";
            case CHOICE -> f.choices().contains(v) ? null : path + " must be one of " + String.join(", ", f.choices());
            case STRING_LIST -> v instanceof List<?> l && l.stream().allMatch(String.class::isInstance) ? null
                    : path + " must be a list of strings";
            case STRING_MAP -> v instanceof Map<?, ?> m && m.values().stream().allMatch(String.class::isInstance) ? null
                    : path + " must be an object of strings";
            case OBJECT -> v instanceof Map<?, ?> ? null : path + " must be an object";
        };
    }

    private static String length(SettingField f, String s, String path) {
        if (f.min() != null && s.length() < f.min()) {
            return path + " must be at least " + f.min() + " characters";
        }
        if (f.max() != null && s.length() > f.max()) {
            return path + " must be at most " + f.max() + " characters";
        }
        return null;
    }

    private static String range(SettingField f, long n, String path) {
        if ((f.min() != null && n < f.min()) || (f.max() != null && n > f.max())) {
            return path + " must be " + (f.min() == null ? "..." : f.min()) + ".." + (f.max() == null ? "" : f.max());
        }
        return null;
    }

    private static String url(String s, String path) {
        try {
            HttpUrls.parse(path, s);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
