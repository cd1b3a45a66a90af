package dev.atrium.core.auth.facebook;

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

/** {@code oauth2-facebook} on the provider SPI: reads the request and the config, then {@link FacebookVerifier}. */
public final class FacebookProvider implements AuthProvider {
    public static final String TYPE = "oauth2-facebook";

    private final UserStore users;
    private final FacebookVerifier verifier;

    public FacebookProvider(UserStore users, FacebookVerifier verifier) {
        this.users = users;
        this.verifier = verifier;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Resolution authenticate(App app, ProviderConfig config, JsonNode credentials, Instant now) {
        FacebookSettings settings = SettingsReader.atLogin(TYPE, config.config(), FacebookSettings::from);
        ExternalIdentity found = verifier.verify(settings, FacebookCredentials.of(credentials.path("accessToken").textValue()));
        return new Resolution(found.identity(TYPE, now),
                users.findByIdentity(app.id(), TYPE, found.subject()).map(User::id).orElse(null));
    }
}
