/**
 * Sign in with Apple ({@code oauth2-apple}): the client sends the ID token Apple gave it
 * ({@code realm-web}'s {@code Credentials.apple(idToken)}), verified against Apple's JWKS
 * ({@link dev.atrium.core.idp.IdTokenVerifier}, fetched through the provider context).
 * {@link dev.atrium.core.auth.apple.AppleSettings} declares and reads the app's config,
 * {@link dev.atrium.core.auth.apple.AppleCredentials} is the request's,
 * {@link dev.atrium.core.auth.apple.AppleVerifier} does the work and
 * {@link dev.atrium.core.auth.apple.AppleProvider} is the plug-in. Imports {@code auth}, {@code idp},
 * apps, users and the kernel; never a sibling provider. docs/providers/apple.md is the operator's page.
 */
package dev.atrium.core.auth.apple;
