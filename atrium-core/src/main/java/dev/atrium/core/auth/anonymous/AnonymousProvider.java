package dev.atrium.core.auth.anonymous;

import dev.atrium.core.apps.ProviderSettings;
import dev.atrium.core.auth.AppServicesProvider;
import dev.atrium.core.auth.Authenticator;
import dev.atrium.core.auth.AuthProvider;
import dev.atrium.core.auth.ImportedSettings;
import dev.atrium.core.auth.ProviderContext;
import dev.atrium.core.auth.ProviderPolicy;
import dev.atrium.core.auth.Resolution;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.kernel.RequestFields;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.util.Map;
import java.util.Optional;

/**
 * {@code anon-user}: every login is a brand-new identity, so a brand-new user (reuse is the
 * client's job); credential fields are ignored. Its logins pass the guest admission limits, its
 * identity never joins another user, and logging out deletes the guest.
 */
public final class AnonymousProvider implements AuthProvider<AnonymousProvider.NoCredentials> {
    /** The guest's identity type; the user model defines it, since stores count and sweep guests by it. */
    public static final String TYPE = User.ANON_PROVIDER;
    private static final ProviderPolicy POLICY = new ProviderPolicy(ProviderPolicy.Admission.GUEST_LIMITS,
            ProviderPolicy.Linking.refused("cannot add anonymous credentials to an existing user"),
            ProviderPolicy.Logout.DELETES_USER);

    /** A guest login carries nothing to check. */
    public enum NoCredentials { NONE }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Guest sign-in: a new anonymous user per login.";
    }

    @Override
    public ProviderPolicy policy() {
        return POLICY;
    }

    @Override
    public ProviderSettings settings() {
        return ProviderSettings.none(TYPE);
    }

    @Override
    public NoCredentials credentials(RequestFields body) {
        return NoCredentials.NONE;
    }

    @Override
    public Authenticator<NoCredentials> authenticator(ProviderContext context) {
        return (app, config, credentials, now) -> Resolution.fresh(new Identity(TYPE, ObjectIds.next(now), Map.of(), now));
    }

    /** Guests have no settings in App Services either. */
    @Override
    public Optional<ImportedSettings> fromAppServices(AppServicesProvider exported) {
        return Optional.of(ImportedSettings.builder().build());
    }
}
