package dev.atrium.core.auth;

import dev.atrium.core.apps.App;
import dev.atrium.core.apps.ProviderConfig;
import java.time.Instant;

/**
 * A provider's login logic, made once at start from its {@link ProviderContext}: it resolves typed
 * credentials to an identity. It writes nothing (sessions, users and links are {@link AuthService}'s);
 * wrong or missing credentials throw AuthException with the provider's documented code.
 *
 * @param <C> the provider's credentials, as {@link AuthProvider#credentials} read them
 */
@FunctionalInterface
public interface Authenticator<C> {
    Resolution authenticate(App app, ProviderConfig config, C credentials, Instant now);
}
