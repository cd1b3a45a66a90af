package dev.atrium.core.auth.apikey;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.auth.AuthProvider;
import dev.atrium.core.auth.Resolution;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.Secrets;
import dev.atrium.core.users.Identity;
import java.time.Instant;
import java.util.Map;

/**
 * {@code api-key} login (docs/client-api.md, Login and linking): {@code key} is a user API key; it proves the identity
 * {@code api-key/<key id>} held by the key's owner. Unknown and disabled keys get the same AuthError.
 */
public final class ApiKeyProvider implements AuthProvider {
    public static final String TYPE = "api-key";

    private final ApiKeyStore keys;

    public ApiKeyProvider(ApiKeyStore keys) {
        this.keys = keys;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Resolution authenticate(App app, ProviderConfig config, JsonNode credentials, Instant now) {
        JsonNode key = credentials.get("key");
        if (key == null || !key.isTextual() || key.asText().isEmpty()) {
            throw new AuthException(ErrorCode.MissingParameter, "missing parameter: key");
        }
        ApiKey found = keys.findByHash(app.id(), Secrets.hash(key.asText())).orElse(null);
        if (found == null || found.disabled()) {
            throw new AuthException(ErrorCode.AuthError, "invalid API key");
        }
        return Resolution.heldBy(new Identity(TYPE, found.id(), Map.of("name", found.name()), now), found.userId());
    }
}
