package dev.atrium.core.apps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Which values of an app's stored settings and of a provider's config are secrets: those under a
 * key named {@code password} or ending in {@code _secret}, at any depth ({@code smtp.password},
 * {@code shared_secret}, {@code webhook_secret}, and any later {@code client_secret}). One rule for
 * the three places that must agree on it: the JDBC stores encrypt these values at rest, the admin
 * API, CLI and console never show them back (only {@code <key>_set: true}), and a config sent back
 * without them keeps the stored ones. A rule by name rather than a list per provider, so a secret
 * field added later is covered without anyone remembering to list it.
 */
public final class SecretFields {
    /** The suffix of the marker that stands for a secret in views: {@code password_set: true}. */
    public static final String SET_SUFFIX = "_set";

    private SecretFields() {}

    /** Whether a value under {@code key} is a secret. */
    public static boolean isSecret(String key) {
        return key.equals("password") || key.endsWith("_secret");
    }

    /**
     * A copy of {@code m} in which every non-null secret is replaced by {@code fn(path, value)}
     * (the path dotted from the top, e.g. {@code smtp.password}; a null result removes the key).
     * A number or boolean secret (which an earlier release let through) is taken as its text, as
     * its users read it; an object or a list under a secret's name is an IllegalArgumentException.
     */
    public static Map<String, Object> map(Map<String, Object> m, BiFunction<String, String, String> fn) {
        return mapObject(m, "", fn);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapObject(Map<String, Object> m, String prefix, BiFunction<String, String, String> fn) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((key, value) -> {
            String path = prefix + key;
            if (isSecret(key) && value != null) {
                if (value instanceof Map<?, ?> || value instanceof List<?>) {
                    throw new IllegalArgumentException(path + " must be a string");
                }
                String next = fn.apply(path, value instanceof String s ? s : String.valueOf(value));
                if (next != null) {
                    out.put(key, next);
                }
            } else if (value instanceof Map<?, ?> sub) {
                out.put(key, mapObject((Map<String, Object>) sub, path + ".", fn));
            } else if (value instanceof List<?> list) {
                out.put(key, mapList(list, path, fn));
            } else {
                out.put(key, value);
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> mapList(List<?> list, String path, BiFunction<String, String, String> fn) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            out.add(item instanceof Map<?, ?> sub ? mapObject((Map<String, Object>) sub, path + "." + i + ".", fn)
                    : item instanceof List<?> inner ? mapList(inner, path + "." + i, fn) : item);
        }
        return out;
    }

    /** The paths of the secrets set in {@code m}, e.g. {@code [smtp.password]}. */
    public static List<String> paths(Map<String, Object> m) {
        List<String> paths = new ArrayList<>();
        map(m, (path, value) -> {
            paths.add(path);
            return value;
        });
        return paths;
    }

    /** {@code m} for display: each secret that is set is replaced by {@code <key>_set: true}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> redacted(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((key, value) -> {
            if (isSecret(key)) {
                if (value != null) {
                    out.put(key + SET_SUFFIX, true);
                }
            } else if (value instanceof Map<?, ?> sub) {
                out.put(key, redacted((Map<String, Object>) sub));
            } else if (value instanceof List<?> list) {
                out.put(key, list.stream().map(i -> i instanceof Map<?, ?> s ? redacted((Map<String, Object>) s) : i).toList());
            } else {
                out.put(key, value);
            }
        });
        return out;
    }

    /**
     * The config to store when an operator sends {@code given} in place of {@code stored}, so that
     * a config read from the admin API (secrets hidden), edited and sent back keeps its secrets: a
     * secret {@code given} leaves out keeps its stored value (inside an object {@code given} still
     * has); one given as null or "", or whose marker is {@code <key>_set: false}, is removed; a new
     * value replaces it. Markers ({@code <key>_set}) are never stored.
     *
     * @return the config and the paths of the secrets kept from {@code stored}
     */
    public static Update merge(Map<String, Object> stored, Map<String, Object> given) {
        List<String> kept = new ArrayList<>();
        Map<String, Object> config = mergeObject(stored, given, "", kept);
        map(config, (path, value) -> value); // an object or list under a secret's name, even inside a list, is refused here
        return new Update(config, List.copyOf(kept));
    }

    /** What {@link #merge} made: the config to store, and which stored secrets it kept (dotted paths). */
    public record Update(Map<String, Object> config, List<String> kept) {}

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mergeObject(Map<String, Object> stored, Map<String, Object> given, String prefix,
                                                   List<String> kept) {
        Map<String, Object> out = new LinkedHashMap<>();
        given.forEach((key, value) -> {
            if (isMarker(key)) {
                return;
            }
            if (isSecret(key)) {
                if (value != null && !"".equals(value)) {
                    if (!(value instanceof String)) {
                        throw new IllegalArgumentException(prefix + key + " must be a string");
                    }
                    out.put(key, value);
                }
            } else if (value instanceof Map<?, ?> sub) {
                Map<String, Object> storedSub = stored.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                out.put(key, mergeObject(storedSub, (Map<String, Object>) sub, prefix + key + ".", kept));
            } else {
                out.put(key, value);
            }
        });
        stored.forEach((key, value) -> {
            if (isSecret(key) && value != null && !given.containsKey(key)
                    && !Boolean.FALSE.equals(given.get(key + SET_SUFFIX))) {
                out.put(key, value);
                kept.add(prefix + key);
            }
        });
        return out;
    }

    private static boolean isMarker(String key) {
        return key.endsWith(SET_SUFFIX) && isSecret(key.substring(0, key.length() - SET_SUFFIX.length()));
    }
}
