package dev.atrium.core.auth.google;

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
import dev.atrium.core.idp.IdTokenVerifier;
import dev.atrium.core.idp.NonceLedger;
import dev.atrium.core.idp.StoredSettings;
import dev.atrium.core.idp.web.RedirectUrls;
import dev.atrium.core.kernel.RequestFields;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserStore;
import java.util.Optional;
import java.util.Set;

/** {@code oauth2-google}: a Google ID token, or an auth code exchanged for one, verified by {@link GoogleVerifier}. */
public final class GoogleProvider implements AuthProvider<GoogleCredentials> {
    public static final String TYPE = "oauth2-google";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Google ID tokens and auth codes (client_id, client_secret in the config).";
    }

    @Override
    public ProviderSettings settings() {
        return GoogleSettings.DECLARED;
    }

    @Override
    public GoogleCredentials credentials(RequestFields body) {
        return GoogleCredentials.of(text(body, "id_token"), text(body, "authCode"), text(body, "nonce"));
    }

    private static String text(RequestFields body, String name) {
        return body.value(name) instanceof String s ? s : null;
    }

    @Override
    public Authenticator<GoogleCredentials> authenticator(ProviderContext context) {
        UserStore users = context.users();
        GoogleVerifier verifier = new GoogleVerifier(
                new IdTokenVerifier(context.clock(), context.jwks(), new NonceLedger(NonceLedger.DEFAULT_CAPACITY)),
                context.http());
        return (app, config, credentials, now) -> {
            GoogleSettings settings = StoredSettings.atLogin(TYPE, () -> GoogleSettings.from(config.config()));
            ExternalIdentity found = verifier.verify(settings, credentials);
            return new Resolution(found.identity(TYPE, now),
                    users.findByIdentity(app.id(), TYPE, found.subject()).map(User::id).orElse(null));
        };
    }

    /** Its web redirect flow ({@code Credentials.google(redirectUrl)}). */
    @Override
    public Optional<WebSignIn> webSignIn(ProviderContext context) {
        return Optional.of(new GoogleWebSignIn(context.http()));
    }

    /**
     * App Services' {@code clientId}, {@code secret_config.clientSecret} and {@code redirect_uris}
     * (its "Google Authentication" page). The identity is Google's {@code sub} on both sides.
     */
    @Override
    public Optional<ImportedSettings> fromAppServices(AppServicesProvider exported) {
        ImportedSettings.Builder b = ImportedSettings.builder().set("client_id", exported.string("clientId"));
        if (exported.string("clientId") == null) {
            b.need("client_id", "<your OAuth client id>", "the export has no clientId");
        }
        if (!exported.redirectUris().isEmpty()) {
            b.set(RedirectUrls.KEY, exported.redirectUris());
        }
        String secret = exported.secretNames("clientSecret").stream().findFirst().orElse("clientSecret");
        b.needFor("client_secret", ImportedSettings.secretValue(secret), "exports hold no secrets; auth codes and the "
                + "web sign-in need it, ID tokens do not");
        AppServicesOAuth.unmapped(exported.metadataFields(), exported.domainRestrictions(),
                Set.of("email", "email_verified", "name", "picture")).forEach(b::unmapped);
        return Optional.of(b.build());
    }
}
