package dev.atrium.core.auth.passkey;

import dev.atrium.api.ErrorCode;
import dev.atrium.api.LoginResponse;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.auth.AccessCaller;
import dev.atrium.core.auth.AuthService;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.kernel.RequestFields;
import dev.atrium.core.kernel.RetryLaterException;
import dev.atrium.core.users.User;
import java.time.Instant;

/**
 * A passkey registration (WebAuthn §7.1) for the caller: its registration challenge taken once,
 * the attestation checked by webauthn4j, the passkey stored, and for the user's first passkey its
 * {@code passkey} identity linked through {@link AuthService#linkProven} (the same refusals and
 * answer as any link). The passkey is stored before the link and deleted again if the link is
 * refused; until the identity is linked it logs nobody in ({@link PasskeyLogin} checks the
 * holder), so a refusal leaves nothing usable behind. Every refusal is LinkRefused.
 */
final class PasskeyRegistrar {
    /** A user's passkeys are few (a phone, a laptop, a key); the bound stops a runaway client. */
    static final int MAX_PER_USER = 20;

    private final AuthService auth;
    private final PasskeyStore store;
    private final Challenges challenges;
    private final WebAuthnChecks checks;

    PasskeyRegistrar(AuthService auth, PasskeyStore store, Challenges challenges, WebAuthnChecks checks) {
        this.auth = auth;
        this.store = store;
        this.challenges = challenges;
        this.checks = checks;
    }

    PasskeyRegistration register(App app, ProviderConfig config, AccessCaller caller, RequestFields body, Instant now) {
        PasskeyCredential passkey;
        try {
            passkey = verified(app, config, caller.user(), body, now);
        } catch (RetryLaterException e) {
            throw e;
        } catch (AuthException e) {
            throw new AuthException(ErrorCode.LinkRefused, "link refused: " + e.getMessage(), e.detail());
        }
        if (!store.insertCredential(passkey)) {
            boolean own = store.findByCredentialId(app.id(), passkey.credentialId())
                    .map(p -> p.userId().equals(caller.user().id())).orElse(false);
            throw refused(own ? "this passkey is registered already" : "this passkey already belongs to another user");
        }
        boolean linked = caller.user().identities().stream().anyMatch(i -> i.providerType().equals(PasskeyProvider.TYPE));
        if (linked) {
            return new PasskeyRegistration(passkey, null);
        }
        try {
            LoginResponse link = auth.linkProven(caller, PasskeyLogin.identity(caller.user().id(), now));
            return new PasskeyRegistration(passkey, link);
        } catch (RuntimeException e) {
            store.delete(app.id(), caller.user().id(), passkey.id());
            throw e;
        }
    }

    /** The passkey the attestation of {@code body} registers, checked; AuthException otherwise. */
    private PasskeyCredential verified(App app, ProviderConfig config, User user, RequestFields body, Instant now) {
        PasskeySettings settings = PasskeySettings.atLogin(config);
        PasskeyAttestation attestation = PasskeyAttestation.read(body);
        String challenge = checks.challengeOf(attestation.clientDataJson());
        challenges.take(app, Ceremony.REGISTRATION, user.id(), challenge, now);
        WebAuthnChecks.Registered r = checks.registration(settings, challenge, attestation);
        if (store.list(app.id(), user.id()).size() >= MAX_PER_USER) {
            throw new AuthException(ErrorCode.AuthError, "a user can have at most " + MAX_PER_USER + " passkeys: revoke one first");
        }
        return new PasskeyCredential(ObjectIds.next(now), app.id(), user.id(), r.credentialId(), r.credentialData(), r.aaguid(),
                r.signCount(), attestation.transports(), r.backupEligible(), r.backedUp(), attestation.name(), now, null);
    }

    private static AuthException refused(String why) {
        return new AuthException(ErrorCode.LinkRefused, "link refused: " + why);
    }
}
