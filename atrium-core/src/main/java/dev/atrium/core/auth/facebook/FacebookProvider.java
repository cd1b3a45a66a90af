package dev.atrium.core.auth.facebook;

import dev.atrium.core.apps.ProviderSettings;
import dev.atrium.core.auth.AppServicesProvider;
import dev.atrium.core.auth.Authenticator;
import dev.atrium.core.auth.AuthProvider;
import dev.atrium.core.auth.ImportedSettings;
import dev.atrium.core.auth.ProviderContext;
import dev.atrium.core.auth.Resolution;
import dev.atrium.core.auth.WebSignIn;
import dev.atrium.core.idp.AppServicesOAuth;
import dev.atrium.core.idp.ExternalIdentity;
import dev.atrium.core.idp.StoredSettings;
import dev.atrium.core.idp.web.RedirectUrls;
import dev.atrium.core.kernel.RequestFields;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserStore;
import java.util.Optional;
import java.util.Set;

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

    /**
     * App Services' {@code clientId} (the Facebook app id), {@code secret_config.clientSecret} and
     * {@code redirect_uris} (its "Facebook Authentication" page). The identity is the app-scoped
     * user id on both sides.
     */
    @Override
    public Optional<ImportedSettings> fromAppServices(AppServicesProvider exported) {
        ImportedSettings.Builder b = ImportedSettings.builder().set("app_id", exported.string("clientId"));
        if (exported.string("clientId") == null) {
            b.need("app_id", "<your Facebook app id>", "the export has no clientId");
        }
        if (!exported.redirectUris().isEmpty()) {
            b.set(RedirectUrls.KEY, exported.redirectUris());
        }
        String secret = exported.secretNames("clientSecret").stream().findFirst().orElse("clientSecret");
        b.need("app_secret", ImportedSettings.secretValue(secret), "exports hold no secrets; every token check needs it");
        AppServicesOAuth.unmapped(exported.metadataFields(), exported.domainRestrictions(), Set.of("name", "email"))
                .forEach(b::unmapped);
        return Optional.of(b.build());
    }
}
