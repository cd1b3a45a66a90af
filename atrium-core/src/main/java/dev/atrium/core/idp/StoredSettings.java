package dev.atrium.core.idp;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A provider's stored config read at login into its typed settings. The admin API checked it
 * against the provider's declared settings when it was saved; one that no longer passes (written
 * by hand, or before a rule existed) is an AuthError "TYPE provider is misconfigured", the problems
 * logged, never a 500. The readers below take values the check has already vouched for.
 */
public final class StoredSettings {
    /** Bound of {@code clock_skew_s}: a token's clock may be off by this much at most. */
    public static final long MAX_SKEW_S = 300;
    public static final long DEFAULT_SKEW_S = 60;

    private StoredSettings() {}

    /** {@code parse} (which checks the config first), its IllegalArgumentException an AuthError for the caller. */
    public static <T> T atLogin(String type, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new AuthException(ErrorCode.AuthError, type + " provider is misconfigured", e.getMessage());
        }
    }

    /** The string at {@code key}, {@code fallback} when absent. */
    public static String string(Map<String, Object> config, String key, String fallback) {
        return config.get(key) instanceof String s ? s : fallback;
    }

    /** The strings at {@code key}, {@code fallback} when absent. */
    public static Set<String> strings(Map<String, Object> config, String key, Set<String> fallback) {
        return config.get(key) instanceof List<?> list ? Set.copyOf(list.stream().map(String::valueOf).toList()) : fallback;
    }

    /** {@code clock_skew_s}, 60 s when absent. */
    public static Duration clockSkew(Map<String, Object> config) {
        return Duration.ofSeconds(config.get("clock_skew_s") instanceof Number n ? n.longValue() : DEFAULT_SKEW_S);
    }

    /** "{@code key} must not be empty" when the list at {@code key} is empty. */
    public static List<String> nonEmptyList(Map<String, Object> config, String key) {
        return config.get(key) instanceof List<?> list && list.isEmpty() ? List.of(key + " must not be empty") : List.of();
    }

    /** "{@code key} must not be blank" when the string at {@code key} is only white space. */
    public static List<String> notBlank(Map<String, Object> config, String key) {
        return config.get(key) instanceof String s && s.isBlank() ? List.of(key + " must not be blank") : List.of();
    }
}
