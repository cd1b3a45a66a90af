package dev.atrium.core.auth.apple;

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

/** {@code oauth2-apple}: a Sign in with Apple ID token, verified against Apple's JWKS by {@link AppleVerifier}. */
public final class AppleProvider implements AuthProvider<AppleCredentials> {
    public static final String TYPE = "oauth2-apple";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Sign in with Apple ID tokens (client_ids in the config).";
    }

    @Override
    public ProviderSettings settings() {
        return AppleSettings.DECLARED;
    }

    @Override
    public AppleCredentials credentials(RequestFields body) {
        return AppleCredentials.of(body.value("id_token") instanceof String t ? t : null,
                body.value("nonce") instanceof String n ? n : null);
    }

    @Override
    public Authenticator<AppleCredentials> authenticator(ProviderContext context) {
        UserStore users = context.users();
        AppleVerifier verifier = new AppleVerifier(
                new IdTokenVerifier(context.clock(), context.jwks(), new NonceLedger(NonceLedger.DEFAULT_CAPACITY)));
        return (app, config, credentials, now) -> {
            AppleSettings settings = StoredSettings.atLogin(TYPE, () -> AppleSettings.from(config.config()));
            ExternalIdentity found = verifier.verify(settings, credentials);
            return new Resolution(found.identity(TYPE, now),
                    users.findByIdentity(app.id(), TYPE, found.subject()).map(User::id).orElse(null));
        };
    }

    /** Its web redirect flow ({@code Credentials.apple(redirectUrl)}). */
    @Override
    public Optional<WebSignIn> webSignIn(ProviderContext context) {
        return Optional.of(new AppleWebSignIn(context.http(), context.clock()));
    }
}
