package dev.atrium.core.auth;

import dev.atrium.core.idp.web.RedirectUrls;
import java.net.URI;
import java.util.Map;

/**
 * A provider's part of the web redirect flow (OAuth 2.0 authorization code grant, RFC 6749 §4.1):
 * where to send the browser to sign in, and how to turn the code the provider sends back into the
 * credentials of the provider's token flow (an ID token, an access token), which then log in or
 * link exactly as if a client had sent them. Each method reads the app's config of the provider
 * (its stored settings); the flow itself (state, allow-list, the callback) is the caller's.
 * A provider that has one (Apple, Google, Facebook) makes it in {@link AuthProvider#webSignIn}.
 */
public interface WebSignIn {

    /** The provider type, e.g. {@code oauth2-google}. */
    String type();

    /** The app's pages the browser may return to ({@code allowed_redirect_urls}); none when unset. */
    RedirectUrls allowedRedirects(Map<String, Object> config);

    /**
     * The provider's authorization URL for {@code request}; AuthException (AuthError) when the
     * config lacks what the web flow needs (a client secret, Apple's signing key), so the browser
     * is not sent to sign in for nothing.
     */
    URI authorization(Map<String, Object> config, Authorization request);

    /**
     * Exchanges {@code grant}'s code at the provider and answers the login body of the provider's
     * token flow (e.g. {@code {"id_token", "nonce"}}); AuthException (AuthError) when the provider
     * refuses the code or cannot be used, its text safe for the person signing in.
     */
    Map<String, Object> credentials(Map<String, Object> config, CodeGrant grant);

    /**
     * What an authorization request carries besides the provider's own parameters.
     *
     * @param callback Atrium's callback, the {@code redirect_uri} registered at the provider
     * @param state the flow's one-time state, returned by the provider with the code
     * @param nonce bound into the ID token by OpenID providers (ignored by others)
     */
    record Authorization(URI callback, String state, String nonce) {}

    /**
     * A code the provider sent to the callback.
     *
     * @param code the authorization code (one use, minutes)
     * @param callback the {@code redirect_uri} of the authorization request, which the exchange repeats
     * @param nonce the nonce of the authorization request, which the ID token must carry
     */
    record CodeGrant(String code, URI callback, String nonce) {
        @Override
        public String toString() {
            return "CodeGrant[callback=" + callback + "]";
        }
    }
}
