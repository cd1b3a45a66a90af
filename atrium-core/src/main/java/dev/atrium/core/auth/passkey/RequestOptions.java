package dev.atrium.core.auth.passkey;

/**
 * What {@code navigator.credentials.get} needs for a passkey login with no username (WebAuthn §5.5,
 * PublicKeyCredentialRequestOptions): no allowed credentials (the authenticator offers its
 * discoverable ones for the relying party), user verification required.
 */
public record RequestOptions(String rpId, String challenge, long timeoutMillis) {}
