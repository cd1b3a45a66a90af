package dev.atrium.core.auth.passkey;

import dev.atrium.core.apps.App;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.auth.Authenticator;
import dev.atrium.core.auth.Resolution;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserStore;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * A passkey login (WebAuthn §7.2): the assertion's challenge must be a login challenge of the app,
 * taken once; its credential one the app knows, of a user who holds its {@code passkey} identity;
 * then webauthn4j checks origin, relying party, user presence and verification, signature and
 * counter, and the counter is recorded (compare and set: of two logins racing with the same
 * counter, one wins). Any refusal is an AuthError "passkey refused: …".
 */
final class PasskeyLogin implements Authenticator<PasskeyAssertion> {
    private final PasskeyStore store;
    private final Challenges challenges;
    private final UserStore users;
    private final WebAuthnChecks checks;

    PasskeyLogin(PasskeyStore store, UserStore users, WebAuthnChecks checks) {
        this.store = store;
        this.challenges = new Challenges(store);
        this.users = users;
        this.checks = checks;
    }

    @Override
    public Resolution authenticate(App app, ProviderConfig config, PasskeyAssertion assertion, Instant now) {
        PasskeySettings settings = PasskeySettings.atLogin(config);
        String challenge = checks.challengeOf(assertion.clientDataJson());
        challenges.take(app, Ceremony.LOGIN, null, challenge, now);
        PasskeyCredential stored = store.findByCredentialId(app.id(), Base64Fields.encode(assertion.credentialId()))
                .orElseThrow(() -> PasskeyRefusal.of(PasskeyRefusal.Reason.UNKNOWN_CREDENTIAL));
        String holder = users.findByIdentity(app.id(), PasskeyProvider.TYPE, stored.userId()).map(User::id)
                .filter(stored.userId()::equals)
                .orElseThrow(() -> PasskeyRefusal.of(PasskeyRefusal.Reason.UNKNOWN_CREDENTIAL));
        WebAuthnChecks.Asserted ok = checks.assertion(settings, challenge, stored, userHandle(stored.userId()), assertion);
        if (!store.recordUse(app.id(), stored.id(), stored.signCount(), ok.signCount(), ok.backedUp(), now)) {
            throw PasskeyRefusal.of(PasskeyRefusal.Reason.COUNTER);
        }
        return Resolution.heldBy(identity(holder, now), holder);
    }

    /** The identity a user's passkeys prove: one per user, whatever how many passkeys it has. */
    static Identity identity(String userId, Instant now) {
        return new Identity(PasskeyProvider.TYPE, userId, Map.of(), now);
    }

    /**
     * The user handle (WebAuthn §14.6.1: opaque, no personal data) of {@code userId}'s passkeys: the
     * user id's 12 bytes, so every passkey of a user carries the same and a browser keeps one
     * passkey per account.
     */
    static byte[] userHandle(String userId) {
        return HexFormat.of().parseHex(userId);
    }
}
