/**
 * Sign in with Google ({@code oauth2-google}): an ID token the client got from Google
 * ({@code Credentials.google({idToken})}) is verified against Google's JWKS
 * ({@link dev.atrium.core.idp.IdTokenVerifier}); an auth code ({@code Credentials.google({authCode})})
 * is first exchanged at Google's token endpoint with the app's client id and secret
 * ({@link dev.atrium.core.auth.google.GoogleCodeExchange}), then the ID token it returns is verified
 * the same way; both through the provider context's outbound client.
 * {@link dev.atrium.core.auth.google.GoogleSettings} declares and reads the config and
 * {@link dev.atrium.core.auth.google.GoogleProvider} is the plug-in. Imports {@code auth},
 * {@code idp}, apps, users and the kernel; never a sibling provider.
 * docs/providers/google.md is the operator's page.
 */
package dev.atrium.core.auth.google;
