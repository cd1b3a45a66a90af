/**
 * The providers' side of the web redirect flow (realm-web's {@code Credentials.google({redirectUrl})},
 * {@code Credentials.apple(redirectUrl)}, {@code Credentials.facebook(redirectUrl)}): the
 * {@link dev.atrium.core.idp.web.WebSignIn} port each of those providers implements (its
 * authorization URL and its code exchange), the allow-list of an app's return pages
 * ({@link dev.atrium.core.idp.web.RedirectUrls}) and the token-endpoint call Google's and Apple's
 * exchanges share ({@link dev.atrium.core.idp.web.TokenEndpoint}). The flow itself (state, callback,
 * logging in) is {@code dev.atrium.core.redirect}'s. Like the rest of {@code idp}, it imports the
 * kernel and {@code idp} only, never a provider, so providers that import it stay apart.
 */
package dev.atrium.core.idp.web;
