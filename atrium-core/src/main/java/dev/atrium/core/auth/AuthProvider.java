package dev.atrium.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.ProviderConfig;
import java.time.Instant;

/**
 * One login provider (docs/client-api.md, Login and linking). A provider only resolves credentials to an identity; sessions,
 * tokens and linking are {@link AuthService}'s, so providers never import each other.
 */
public interface AuthProvider {

    /** The wire name, e.g. {@code anon-user}. */
    String type();

    /**
     * Resolves the credential fields of a login body. Throws AuthException with the provider's
     * documented code for wrong or missing credentials; writes nothing.
     */
    Resolution authenticate(App app, ProviderConfig config, JsonNode credentials, Instant now);
}
