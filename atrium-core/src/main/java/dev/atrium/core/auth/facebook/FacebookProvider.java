package dev.atrium.core.auth.facebook;

import dev.atrium.core.apps.ProviderSettings;
import dev.atrium.core.auth.AuthProvider;
import dev.atrium.core.auth.Authenticator;
import dev.atrium.core.auth.ProviderContext;
import dev.atrium.core.auth.Resolution;
import dev.atrium.core.auth.WebSignIn;
import dev.atrium.core.idp.ExternalIdentity;
import dev.atrium.core.idp.StoredSettings;
import dev.atrium.core.kernel.RequestFields;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserStore;
import java.util.Optional;

/** {@code oauth2-facebook}: a Facebook user access token, checked with the Graph API by {@link FacebookVerifier}. */
public final class FacebookProvider implements AuthProvider<FacebookCredentials> {
    public static final String TYPE = "oauth2-facebook";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Facebook user access tokens (app_id, app_secret in the config).";
    }

    @Override
    public ProviderSettings settings() {
        return FacebookSettings.DECLARED;
    }

    @Override
    public FacebookCredentials credentials(RequestFields body) {
        return FacebookCredentials.of(body.value("accessToken") instanceof String t ? t : null);
    }

    @Override
    public Authenticator<FacebookCredentials> authenticator(ProviderContext context) {
        UserStore users = context.users();
        FacebookVerifier verifier = new FacebookVerifier(context.http());
        return (app, config, credentials, now) -> {
            FacebookSettings settings = StoredSettings.atLogin(TYPE, () -> FacebookSettings.from(config.config()));
            ExternalIdentity found = verifier.verify(settings, credentials);
            return new Resolution(found.identity(TYPE, now),
                    users.findByIdentity(app.id(), TYPE, found.subject()).map(User::id).orElse(null));
        };
    }

    /** Its web redirect flow ({@code Credentials.facebook(redirectUrl)}). */
    @Override
    public Optional<WebSignIn> webSignIn(ProviderContext context) {
        return Optional.of(new FacebookWebSignIn(context.http()));
    }
}
