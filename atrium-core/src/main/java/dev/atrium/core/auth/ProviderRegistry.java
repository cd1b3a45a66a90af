package dev.atrium.core.auth;

import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * The installed providers, in registration order: the one list that login, linking, logout, the
 * admin API, the console, metrics labels and the OpenAPI document read. {@link #installed()} finds
 * them with {@link ServiceLoader} ({@code META-INF/services/dev.atrium.core.auth.AuthProvider}).
 * Two providers of one type, or a type that is not a plain wire name, fail the start.
 */
public final class ProviderRegistry {
    /** Safe in a URL path segment, a metrics label and a log line: lower case, digits, single dashes. */
    private static final Pattern TYPE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_TYPE = 40;

    private final Map<String, AuthProvider<?>> byType;

    private ProviderRegistry(List<? extends AuthProvider<?>> providers) {
        Map<String, AuthProvider<?>> map = new LinkedHashMap<>();
        for (AuthProvider<?> p : providers) {
            String type = p.type();
            if (type == null || type.length() > MAX_TYPE || !TYPE.matcher(type).matches()) {
                throw new IllegalStateException(p.getClass().getName() + " has an invalid provider type: " + type);
            }
            AuthProvider<?> before = map.putIfAbsent(type, p);
            if (before != null) {
                throw new IllegalStateException("two providers of type " + type + ": " + before.getClass().getName()
                        + " and " + p.getClass().getName());
            }
        }
        this.byType = map;
    }

    /** The providers on the class path, as their {@code META-INF/services} files list them. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static ProviderRegistry installed() {
        return new ProviderRegistry((List) ServiceLoader.load(AuthProvider.class, ProviderRegistry.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).toList());
    }

    /** A registry of exactly {@code providers} (tests, tools). */
    public static ProviderRegistry of(List<? extends AuthProvider<?>> providers) {
        return new ProviderRegistry(providers);
    }

    public List<AuthProvider<?>> all() {
        return List.copyOf(byType.values());
    }

    /** The types, in registration order. */
    public List<String> types() {
        return List.copyOf(byType.keySet());
    }

    public Optional<AuthProvider<?>> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /**
     * Whether a logout deletes {@code user}: when every identity it has is of a provider whose
     * policy says so (a guest); an identity of a provider no longer installed keeps the user.
     */
    public boolean logoutDeletes(User user) {
        if (user.identities().isEmpty()) {
            return false;
        }
        for (Identity identity : user.identities()) {
            AuthProvider<?> p = byType.get(identity.providerType());
            if (p == null || p.policy().logout() != ProviderPolicy.Logout.DELETES_USER) {
                return false;
            }
        }
        return true;
    }
}
