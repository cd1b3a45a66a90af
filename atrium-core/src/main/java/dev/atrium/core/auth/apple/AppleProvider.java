package dev.atrium.core.auth.apple;

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
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /**
     * App Services' {@code clientId} (a bundle id, or a Services ID for the web) and
     * {@code redirect_uris} (its "Apple ID Authentication" page). Its client secret was a JWT the
     * operator signed; Atrium signs its own, for the web sign-in only, from the team id, key id and key.
     */
    @Override
    public Optional<ImportedSettings> fromAppServices(AppServicesProvider exported) {
        String clientId = exported.string("clientId");
        ImportedSettings.Builder b = ImportedSettings.builder().set("client_ids", clientId == null ? null : List.of(clientId));
        if (clientId == null) {
            b.need("client_ids", List.of("<your bundle id>"), "the export has no clientId");
        }
        if (!exported.redirectUris().isEmpty()) {
            b.set(RedirectUrls.KEY, exported.redirectUris()).set("services_id", clientId);
            b.need("team_id", "<your ten-character team id>", "Atrium signs the web sign-in's client secret itself");
            b.need("key_id", "<the id of your Sign in with Apple key>", "the same");
            b.need(AppleWebSettings.PRIVATE_KEY, "<that key's .p8 file, as text>", "the same");
        }
        if (!exported.secretNames("clientSecret").isEmpty()) {
            b.unmapped("secret_config.clientSecret: not used; Atrium signs its own client secret (team_id, key_id, "
                    + AppleWebSettings.PRIVATE_KEY + ")");
        }
        AppServicesOAuth.unmapped(exported.metadataFields(), exported.domainRestrictions(),
                Set.of("email", "email_verified", "is_private_email")).forEach(b::unmapped);
        return Optional.of(b.build());
    }
}
