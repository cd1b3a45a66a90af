/**
 * The passkey provider ({@code passkey}, WebAuthn with the webauthn4j library): a guest keeps its
 * account with one tap (Face ID, Windows Hello, a security key) and comes back with it, no e-mail,
 * no password, no third party. Registration (options, then the attestation) links a passkey to the
 * logged-in user through {@link dev.atrium.core.auth.AuthService#linkProven}; login (options, then
 * the assertion of a discoverable credential, no username) goes through the client API's login
 * route like every provider. Challenges are single use and short-lived, kept in the
 * {@link dev.atrium.core.auth.passkey.PasskeyStore} with the credentials. Imports {@code auth},
 * apps, users, admission, {@code idp}'s settings readers and the kernel; never a sibling provider.
 * docs/providers/passkey.md. Sections cited as "WebAuthn §…" are those of W3C Web Authentication
 * Level 3, https://www.w3.org/TR/webauthn-3/.
 */
package dev.atrium.core.auth.passkey;
