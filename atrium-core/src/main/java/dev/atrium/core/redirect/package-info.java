/**
 * The web redirect flow (realm-web's {@code Credentials.google({redirectUrl})},
 * {@code Credentials.apple(redirectUrl)}, {@code Credentials.facebook(redirectUrl)}): a browser
 * starts at the provider's login URL, signs in at the provider, comes back to Atrium's callback,
 * and is sent to the app's page with the fragment realm-web's {@code handleAuthRedirect} reads.
 * {@link dev.atrium.core.redirect.RedirectLogin} runs it; the sign-ins under way are kept in the
 * {@link dev.atrium.core.redirect.RedirectStateStore} (server-side rather than in a signed state,
 * because a state must be good once, on whichever node the browser comes back to: a signed state
 * would still need a shared record of the used ones). Logging in and linking are
 * {@code AuthService}'s, so they mean exactly what the token flows mean. Imports apps, auth (its
 * services, never a provider), {@code idp.web} and the kernel. docs/providers/google.md says how an
 * operator sets it up.
 */
package dev.atrium.core.redirect;
