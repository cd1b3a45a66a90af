package dev.atrium.core.auth.google;

import dev.atrium.core.apps.ProviderSettings;
import dev.atrium.core.auth.AuthProvider;
import dev.atrium.core.auth.Authenticator;
import dev.atrium.core.auth.ProviderContext;
import dev.atrium.core.auth.Resolution;
import dev.atrium.core.auth.WebSignIn;
import dev.atrium.core.idp.ExternalIdentity;
import dev.atrium.core.idp.IdTokenVerifier;
import dev.atrium.core.idp.NonceLedger;
import dev.atrium.core.idp.StoredSettings;
import dev.atrium.core.kernel.RequestFields;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserStore;
import java.util.Optional;

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
}
