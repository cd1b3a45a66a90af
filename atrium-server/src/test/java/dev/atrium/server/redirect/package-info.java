/**
 * The web redirect flow (realm-web's {@code Credentials.google({redirectUrl})} and kin) through a
 * running server against the identity-provider stub's sign-in pages: the whole dance over HTTP
 * without a browser, every refusal as a scenario table, and in Chromium with realm-web.
 */
package dev.atrium.server.redirect;
