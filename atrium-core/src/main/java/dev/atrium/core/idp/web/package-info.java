/**
 * What the providers with a web sign-in ({@code auth.WebSignIn}: Google, Apple, Facebook) share for
 * the web redirect flow: the allow-list of an app's return pages
 * ({@link dev.atrium.core.idp.web.RedirectUrls}), the authorization URL's query
 * ({@link dev.atrium.core.idp.web.AuthorizationUrl}) and the token-endpoint call of a code exchange
 * ({@link dev.atrium.core.idp.web.TokenEndpoint}). The flow itself (state, callback, logging in) is
 * {@code dev.atrium.core.redirect}'s. Like the rest of {@code idp}, it imports the kernel and
 * {@code idp} only, never a provider nor the provider SPI, so providers that import it stay apart.
 */
package dev.atrium.core.idp.web;
