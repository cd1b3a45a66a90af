/**
 * Sign in with Apple ({@code oauth2-apple}): the client sends the ID token Apple gave it
 * ({@code realm-web}'s {@code Credentials.apple(idToken)}), verified against Apple's JWKS
 * ({@link dev.atrium.core.idp.IdTokenVerifier}). {@link dev.atrium.core.auth.apple.AppleSettings}
 * is the app's config, {@link dev.atrium.core.auth.apple.AppleCredentials} the request's,
 * {@link dev.atrium.core.auth.apple.AppleVerifier} does the work and
 * {@link dev.atrium.core.auth.apple.AppleProvider} is the thin adapter to the provider SPI.
 * Imports {@code auth}, {@code idp}, users and the kernel; never a sibling provider.
 * docs/providers/apple.md is the operator's page.
 */
package dev.atrium.core.auth.apple;
