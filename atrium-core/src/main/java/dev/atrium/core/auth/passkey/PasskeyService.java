package dev.atrium.core.auth.passkey;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.admission.Throttle;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.auth.AccessCaller;
import dev.atrium.core.auth.AuthService;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.RequestFields;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The passkey routes of the client API but the login itself, which is the login route's
 * (docs/providers/passkey.md): the options of both ceremonies, the registration, and the user's
 * own list and revocation. Registration and login options need the provider enabled; listing and
 * revoking do not, so a user can always remove a passkey.
 */
public final class PasskeyService {
    /** How long a challenge may be answered. */
    public static final Duration CHALLENGE_LIFETIME = Challenges.LIFETIME;
    private static final Pattern USER_NAME = Pattern.compile("[^\\p{Cntrl}]{1,64}");

    private final AppDirectory apps;
    private final PasskeyStore store;
    private final Challenges challenges;
    private final PasskeyRegistrar registrar;
    private final Throttle throttle;
    private final Clock clock;

    public PasskeyService(AppDirectory apps, AuthService auth, PasskeyStore store, Throttle throttle, Clock clock) {
        this.apps = apps;
        this.store = store;
        this.challenges = new Challenges(store);
        this.registrar = new PasskeyRegistrar(auth, store, challenges, new WebAuthnChecks());
        this.throttle = throttle;
        this.clock = clock;
    }

    /**
     * The options to make a passkey for the caller's user; the body's {@code user_name} (optional,
     * 1..64 characters) is the account name the authenticator shows, the relying party's name by
     * default. Counted by the network's login throttle, like a link.
     */
    public CreationOptions registrationOptions(String appId, AccessCaller caller, RequestFields body, String clientKey) {
        App app = own(appId, caller);
        Object name = body.value("user_name");
        if (name != null && !(name instanceof String s && USER_NAME.matcher(s).matches())) {
            throw new AuthException(ErrorCode.InvalidParameter, "user_name must be 1..64 characters, none a control character");
        }
        String userName = (String) name;
        PasskeySettings settings = settings(app);
        throttle.login(app, PasskeyProvider.TYPE, clientKey);
        Instant now = clock.instant();
        String userId = caller.user().id();
        String rpName = settings.rpNameOr(app.name());
        List<CreationOptions.Descriptor> exclude = store.list(app.id(), userId).stream()
                .map(p -> new CreationOptions.Descriptor(p.credentialId(), p.transports())).toList();
        return new CreationOptions(settings.rpId(), rpName,
                Base64.getUrlEncoder().withoutPadding().encodeToString(PasskeyLogin.userHandle(userId)),
                userName != null ? userName : rpName, challenges.issue(app, Ceremony.REGISTRATION, userId, now),
                Challenges.LIFETIME.toMillis(), WebAuthnChecks.ALGORITHMS, exclude);
    }

    /**
     * Registers the passkey of {@code body} (the attestation) for the caller's user, linking the
     * {@code passkey} identity when it is the user's first: every refusal is 409 LinkRefused, as a
     * link's, and changes nothing (the challenge is spent all the same).
     */
    public PasskeyRegistration register(String appId, AccessCaller caller, RequestFields body, String clientKey) {
        App app = own(appId, caller);
        ProviderConfig config = apps.requireEnabledProvider(app.id(), PasskeyProvider.TYPE);
        throttle.login(app, PasskeyProvider.TYPE, clientKey);
        return registrar.register(app, config, caller, body, clock.instant());
    }

    /** The options of a passkey login (no username); counted by the network's login throttle. */
    public RequestOptions loginOptions(String appId, String clientKey) {
        App app = apps.requireApp(appId);
        PasskeySettings settings = settings(app);
        throttle.login(app, PasskeyProvider.TYPE, clientKey);
        return new RequestOptions(settings.rpId(), challenges.issue(app, Ceremony.LOGIN, null, clock.instant()),
                Challenges.LIFETIME.toMillis());
    }

    /** The caller's passkeys, oldest first. */
    public List<PasskeyCredential> list(String appId, AccessCaller caller) {
        App app = own(appId, caller);
        return store.list(app.id(), caller.user().id());
    }

    /**
     * Revokes the caller's passkey {@code passkeyId}: it logs in no more. The user keeps its
     * {@code passkey} identity (it stays a member), as an API key's identity outlives its key.
     */
    public void revoke(String appId, AccessCaller caller, String passkeyId) {
        App app = own(appId, caller);
        if (!store.delete(app.id(), caller.user().id(), passkeyId)) {
            throw notFound();
        }
    }

    static AuthException notFound() {
        return new AuthException(ErrorCode.PasskeyNotFound, "passkey not found");
    }

    private App own(String appId, AccessCaller caller) {
        if (!caller.app().id().equals(appId)) {
            throw new AuthException(ErrorCode.InvalidSession, "invalid session: the token belongs to another app");
        }
        return caller.app();
    }

    /** The enabled provider's settings for {@code app}; AuthProviderNotFound when it is not enabled. */
    private PasskeySettings settings(App app) {
        return PasskeySettings.atLogin(apps.requireEnabledProvider(app.id(), PasskeyProvider.TYPE));
    }
}
