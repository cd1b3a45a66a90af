package dev.atrium.core.auth.passkey;

import dev.atrium.core.apps.ProviderSettings;
import dev.atrium.core.auth.AuthProvider;
import dev.atrium.core.auth.Authenticator;
import dev.atrium.core.auth.ProviderContext;
import dev.atrium.core.auth.ProviderPolicy;
import dev.atrium.core.kernel.RequestFields;

/**
 * {@code passkey}: a login is the assertion of a discoverable WebAuthn credential (a passkey) over
 * a challenge from {@link PasskeyService#loginOptions}; it proves the identity
 * {@code passkey/<user id>} of the user that registered it. A passkey is linked by registering it
 * ({@link PasskeyService#register}), never through {@code login?link=true}: the attestation needs
 * a challenge bound to the linking user. Needs the {@link PasskeyStore} in the provider context.
 */
public final class PasskeyProvider implements AuthProvider<PasskeyAssertion> {
    public static final String TYPE = "passkey";

    private static final ProviderPolicy POLICY = new ProviderPolicy(ProviderPolicy.Admission.NETWORK_THROTTLE,
            ProviderPolicy.Linking.refused("a passkey is linked by registering it (POST …/auth/providers/" + TYPE
                    + "/registration, docs/providers/passkey.md)"),
            ProviderPolicy.Logout.ENDS_SESSION);

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Passkeys (WebAuthn): a guest keeps its account with Face ID, Windows Hello or a security key.";
    }

    @Override
    public ProviderPolicy policy() {
        return POLICY;
    }

    @Override
    public ProviderSettings settings() {
        return PasskeySettings.DECLARED;
    }

    @Override
    public PasskeyAssertion credentials(RequestFields body) {
        return PasskeyAssertion.read(body);
    }

    @Override
    public Authenticator<PasskeyAssertion> authenticator(ProviderContext context) {
        return new PasskeyLogin(context.service(PasskeyStore.class), context.users(), new WebAuthnChecks());
    }
}
