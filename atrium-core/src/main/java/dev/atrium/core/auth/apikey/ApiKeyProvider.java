package dev.atrium.core.auth.apikey;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.ProviderSettings;
import dev.atrium.core.auth.AppServicesProvider;
import dev.atrium.core.auth.Authenticator;
import dev.atrium.core.auth.AuthProvider;
import dev.atrium.core.auth.ImportedSettings;
import dev.atrium.core.auth.ProviderContext;
import dev.atrium.core.auth.Resolution;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.RequestFields;
import dev.atrium.core.kernel.Secrets;
import dev.atrium.core.users.Identity;
import java.util.Map;
import java.util.Optional;

/**
 * {@code api-key} login: {@code key} is a user API key; it proves the identity
 * {@code api-key/<key id>} held by the key's owner. Unknown and disabled keys get the same AuthError.
 * Needs the {@link ApiKeyStore} in the provider context.
 */
public final class ApiKeyProvider implements AuthProvider<ApiKeyProvider.Key> {
    public static final String TYPE = "api-key";

    /** The key of a login body; never printed. */
    public record Key(String key) {
        @Override
        public String toString() {
            return "Key[***]";
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "User API keys created by logged-in users.";
    }

    @Override
    public ProviderSettings settings() {
        return ProviderSettings.none(TYPE);
    }

    @Override
    public Key credentials(RequestFields body) {
        return new Key(body.nonEmptyString("key"));
    }

    @Override
    public Authenticator<Key> authenticator(ProviderContext context) {
        ApiKeyStore keys = context.service(ApiKeyStore.class);
        return (app, config, credentials, now) -> {
            ApiKey found = keys.findByHash(app.id(), Secrets.hash(credentials.key())).orElse(null);
            if (found == null || found.disabled()) {
                throw new AuthException(ErrorCode.AuthError, "invalid API key");
            }
            return Resolution.heldBy(new Identity(TYPE, found.id(), Map.of("name", found.name()), now), found.userId());
        };
    }

    /**
     * No settings on either side. The keys themselves do not come over: App Services keeps only
     * their hashes and shows a key once, so users create new ones (the import says how many it left out).
     */
    @Override
    public Optional<ImportedSettings> fromAppServices(AppServicesProvider exported) {
        return Optional.of(ImportedSettings.builder().build());
    }
}
