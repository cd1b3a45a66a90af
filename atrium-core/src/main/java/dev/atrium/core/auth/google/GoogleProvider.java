package dev.atrium.core.auth.google;

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

/** {@code oauth2-google} on the provider SPI: reads the request and the config, then {@link GoogleVerifier}. */
public final class GoogleProvider implements AuthProvider {
    public static final String TYPE = "oauth2-google";

    private final UserStore users;
    private final GoogleVerifier verifier;

    public GoogleProvider(UserStore users, GoogleVerifier verifier) {
        this.users = users;
        this.verifier = verifier;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Resolution authenticate(App app, ProviderConfig config, JsonNode credentials, Instant now) {
        GoogleSettings settings = SettingsReader.atLogin(TYPE, config.config(), GoogleSettings::from);
        ExternalIdentity found = verifier.verify(settings, GoogleCredentials.of(credentials.path("id_token").textValue(),
                credentials.path("authCode").textValue(), credentials.path("nonce").textValue()));
        return new Resolution(found.identity(TYPE, now),
                users.findByIdentity(app.id(), TYPE, found.subject()).map(User::id).orElse(null));
    }
}
