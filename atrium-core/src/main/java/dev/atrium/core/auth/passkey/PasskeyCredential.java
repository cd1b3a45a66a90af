package dev.atrium.core.auth.passkey;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A passkey a user registered: what a login needs to check its assertions (WebAuthn §4, "credential
 * record"), and what the user and the operator see of it. The public key only: the private key
 * never leaves the authenticator.
 *
 * @param id Atrium's id of the passkey (24 hex), what the list and revoke routes name
 * @param credentialId the authenticator's credential id, base64url; unique in the app
 * @param credentialData the attested credential data (AAGUID, credential id, COSE public key;
 *     WebAuthn §6.5.1) as the authenticator sent it, base64url
 * @param signCount the signature counter of the last accepted assertion (0: the authenticator keeps none)
 * @param transports how the browser said it reaches the authenticator ({@code internal}, {@code hybrid}, …)
 * @param backupEligible whether the passkey may be synced to the person's other devices (flag BE)
 * @param backedUp whether it was synced when last used (flag BS)
 * @param name a label for lists, given at registration
 * @param lastUsedAt the last login with it; null until then
 */
public record PasskeyCredential(String id, String appId, String userId, String credentialId, String credentialData,
                                String aaguid, long signCount, List<String> transports, boolean backupEligible,
                                boolean backedUp, String name, Instant createdAt, Instant lastUsedAt) {

    public PasskeyCredential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(credentialId, "credentialId");
        transports = List.copyOf(transports);
    }

    /** This passkey after a login at {@code at} whose assertion carried {@code count} and flag BS {@code synced}. */
    public PasskeyCredential used(long count, boolean synced, Instant at) {
        return new PasskeyCredential(id, appId, userId, credentialId, credentialData, aaguid, count, transports,
                backupEligible, synced, name, createdAt, at);
    }
}
