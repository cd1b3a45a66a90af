package dev.atrium.core.auth.passkey;

import java.util.List;

/**
 * What {@code navigator.credentials.create} needs to make a passkey for the logged-in user
 * (WebAuthn §5.4, PublicKeyCredentialCreationOptions): a discoverable credential (resident key
 * required), user verification required, no attestation. Binary values are base64url; the HTTP
 * edge writes it in the browsers' JSON form.
 *
 * @param userHandle the user handle, the same for all the user's passkeys
 * @param algorithms COSE algorithm ids, most preferred first
 * @param exclude the user's passkeys, so an authenticator that holds one makes no second
 */
public record CreationOptions(String rpId, String rpName, String userHandle, String userName, String challenge,
                              long timeoutMillis, List<Long> algorithms, List<Descriptor> exclude) {

    /** A passkey the browser should know by: its credential id and transports. */
    public record Descriptor(String id, List<String> transports) {}
}
