package dev.atrium.core.idp;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.HttpUrls;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads a provider's settings (its config map) into typed values, collecting every problem rather
 * than stopping at the first, so an operator fixes a config in one go; {@link #done()} adds any
 * key that was not read (a typo such as {@code client_id} for {@code client_ids} is named, not
 * ignored) and throws one IllegalArgumentException naming them all.
 */
public final class SettingsReader {
    /** Bound of {@code clock_skew_s}: a token's clock may be off by this much at most. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);
    public static final Duration DEFAULT_SKEW = Duration.ofSeconds(60);

    private final Map<String, Object> config;
    private final Set<String> read = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();

    public SettingsReader(Map<String, Object> config) {
        this.config = config;
    }

    /**
     * A stored config parsed at login with {@code from}; one that no longer parses (written by hand,
     * or before a rule existed) is an AuthError "TYPE provider is misconfigured", the problems logged.
     */
    public static <T> T atLogin(String type, Map<String, Object> config, Function<Map<String, Object>, T> from) {
        try {
            return from.apply(config);
        } catch (IllegalArgumentException e) {
            throw new AuthException(ErrorCode.AuthError, type + " provider is misconfigured", e.getMessage());
        }
    }

    /** A required non-blank string. */
    public String string(String key) {
        String s = string(key, null);
        if (s == null && config.get(key) == null) {
            problems.add(key + " is required");
        }
        return s;
    }

    /** An optional string: {@code fallback} when absent or null; blank or not a string is a problem. */
    public String string(String key, String fallback) {
        read.add(key);
        Object v = config.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof String s && !s.isBlank()) {
            return s;
        }
        problems.add(key + " must be a non-empty string");
        return fallback;
    }

    /** An optional string that may be empty: {@code fallback} when absent or null. */
    public String text(String key, String fallback) {
        read.add(key);
        Object v = config.get(key);
        if (v == null || v instanceof String) {
            return v == null ? fallback : (String) v;
        }
        problems.add(key + " must be a string");
        return fallback;
    }

    /**
     * A non-empty list of non-blank strings; {@code fallback} when absent ({@code null}: required).
     * Additional ones may be an empty list ({@code allowEmpty}).
     */
    public Set<String> strings(String key, Set<String> fallback, boolean allowEmpty) {
        read.add(key);
        Object v = config.get(key);
        if (v == null) {
            if (fallback == null) {
                problems.add(key + " is required (a list of strings)");
                return Set.of();
            }
            return fallback;
        }
        if (v instanceof List<?> list && (allowEmpty || !list.isEmpty())
                && list.stream().allMatch(i -> i instanceof String s && !s.isBlank())) {
            return Set.copyOf(list.stream().map(String.class::cast).toList());
        }
        problems.add(key + " must be a " + (allowEmpty ? "" : "non-empty ") + "list of non-empty strings");
        return fallback == null ? Set.of() : fallback;
    }

    /** An http(s) URL with a host ({@link HttpUrls}); {@code fallback} when absent. */
    public URI url(String key, URI fallback) {
        String s = string(key, null);
        if (s == null) {
            return fallback;
        }
        try {
            return HttpUrls.parse(key, s);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return fallback;
        }
    }

    /** {@code clock_skew_s}: whole seconds, 0..300, default 60. */
    public Duration clockSkew() {
        String key = "clock_skew_s";
        read.add(key);
        Object v = config.get(key);
        if (v == null) {
            return DEFAULT_SKEW;
        }
        if (v instanceof Integer || v instanceof Long) {
            long s = ((Number) v).longValue();
            if (s >= 0 && s <= MAX_SKEW.toSeconds()) {
                return Duration.ofSeconds(s);
            }
        }
        problems.add(key + " must be a whole number of seconds, 0.." + MAX_SKEW.toSeconds());
        return DEFAULT_SKEW;
    }

    /** Records {@code problem} unless {@code ok}. */
    public void require(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    /** Throws IllegalArgumentException naming every problem and every key that was not read. */
    public void done() {
        Set<String> unknown = new TreeSet<>(config.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            problems.add("unknown key" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + " (known: " + String.join(", ", read) + ")");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }
}
