/**
 * Sign in with Google ({@code oauth2-google}): an ID token the client got from Google
 * ({@code Credentials.google({idToken})}) is verified against Google's JWKS
 * ({@link dev.atrium.core.idp.IdTokenVerifier}); an auth code ({@code Credentials.google({authCode})})
 * is first exchanged at Google's token endpoint with the app's client id and secret
 * ({@link dev.atrium.core.auth.google.GoogleCodeExchange}), then the ID token it returns is verified
 * the same way. {@link dev.atrium.core.auth.google.GoogleProvider} is the thin adapter to the
 * provider SPI. Imports {@code auth}, {@code idp}, users and the kernel; never a sibling provider.
 * docs/providers/google.md is the operator's page.
 */
package dev.atrium.core.auth.google;
