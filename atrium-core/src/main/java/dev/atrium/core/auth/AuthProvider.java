package dev.atrium.core.auth;

import dev.atrium.core.apps.ProviderSettings;
import dev.atrium.core.kernel.RequestFields;
import java.util.Optional;

/**
 * A login provider as a plug-in: one package owns its wire name, settings, credentials, login
 * logic and policy, and registers this class in
 * {@code META-INF/services/dev.atrium.core.auth.AuthProvider} ({@link ProviderRegistry} finds it
 * with {@link java.util.ServiceLoader}, so it needs a public no-argument constructor). Everything
 * else (the admin API, the console, metrics labels, OpenAPI) follows from the registry. An
 * implementation is a stateless description; its state (caches, stores) lives in the
 * {@link Authenticator} it makes. See docs/providers.md.
 *
 * @param <C> the typed credentials of a login body
 */
public interface AuthProvider<C> {

    /** The wire name in {@code …/auth/providers/<type>/login}, e.g. {@code local-userpass}: lower case, digits, dashes. */
    String type();

    /** One sentence for operators (console, {@code GET /api/admin/v1/providers}). */
    String description();

    /** How logins of this provider are admitted, linked and logged out; a lasting identity unless overridden. */
    default ProviderPolicy policy() {
        return ProviderPolicy.LASTING_IDENTITY;
    }

    /** The per-app settings this provider reads, and the check a config must pass before it is stored. */
    ProviderSettings settings();

    /**
     * Reads the credential fields of a login body: MissingParameter or InvalidParameter for a field
     * that is absent or malformed ({@link RequestFields}' helpers say which). Checks nothing against
     * stored data: that is the authenticator's, after the login has been admitted.
     */
    C credentials(RequestFields body);

    /** Makes the login logic with the server's collaborators; called once by the composition root. */
    Authenticator<C> authenticator(ProviderContext context);

    /**
     * Makes this provider's part of the web redirect flow (its authorization page and code
     * exchange), for providers a browser can sign in with through Atrium; none by default. Called
     * once by the composition root.
     */
    default Optional<WebSignIn> webSignIn(ProviderContext context) {
        return Optional.empty();
    }

    /**
     * What this provider makes of its entry in an App Services export's {@code auth/providers.json}
     * ({@code atrium import app-services}, docs/migrating-from-app-services.md): its settings, what the
     * operator must add, and what has no equivalent. Empty (the default) when the provider has no
     * App Services counterpart: the import then reports that entry as skipped.
     */
    default Optional<ImportedSettings> fromAppServices(AppServicesProvider exported) {
        return Optional.empty();
    }
}
