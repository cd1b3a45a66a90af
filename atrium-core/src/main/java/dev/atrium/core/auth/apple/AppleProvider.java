package dev.atrium.core.auth.apple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.auth.AuthProvider;
import dev.atrium.core.auth.Resolution;
import dev.atrium.core.idp.ExternalIdentity;
import dev.atrium.core.idp.SettingsReader;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserStore;
import java.time.Instant;

/** {@code oauth2-apple} on the provider SPI: reads the request and the config, then {@link AppleVerifier}. */
public final class AppleProvider implements AuthProvider {
    public static final String TYPE = "oauth2-apple";

    private final UserStore users;
    private final AppleVerifier verifier;

    public AppleProvider(UserStore users, AppleVerifier verifier) {
        this.users = users;
        this.verifier = verifier;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Resolution authenticate(App app, ProviderConfig config, JsonNode credentials, Instant now) {
        AppleSettings settings = SettingsReader.atLogin(TYPE, config.config(), AppleSettings::from);
        ExternalIdentity found = verifier.verify(settings,
                AppleCredentials.of(credentials.path("id_token").textValue(), credentials.path("nonce").textValue()));
        return new Resolution(found.identity(TYPE, now),
                users.findByIdentity(app.id(), TYPE, found.subject()).map(User::id).orElse(null));
    }
}
