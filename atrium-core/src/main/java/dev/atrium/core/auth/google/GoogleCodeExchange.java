package dev.atrium.core.auth.google;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.idp.web.TokenEndpoint;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.OutboundHttp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exchanges an auth code at Google's token endpoint (RFC 6749 §4.1.3, the client authenticated
 * with {@code client_id} and {@code client_secret} in the form) for the ID token in its answer.
 * Google's {@code invalid_grant} (a code that is wrong, expired, used or issued to another client)
 * is the caller's refusal; any other failure is the endpoint's, said apart, its detail logged.
 */
final class GoogleCodeExchange {
    static final String CODE_REFUSED = "Google auth code refused: invalid, expired, already used or for another client";
    static final String EXCHANGE_FAILED = "Google auth code not exchanged: Google's token endpoint could not be used";
    static final String NO_SECRET = GoogleProvider.TYPE + " provider is not set up for auth codes (no client_secret)";

    private final TokenEndpoint endpoint;

    GoogleCodeExchange(OutboundHttp http) {
        this.endpoint = new TokenEndpoint(http, "Google", "auth code", TokenEndpoint.INVALID_GRANT);
    }

    /** The ID token Google returns for {@code code} of a client's auth-code flow ({@code redirect_uri} as configured). */
    String idTokenFor(GoogleSettings s, String code) {
        return idTokenFor(s, code, s.redirectUri());
    }

    /** The same with {@code redirectUri} (none when null): the one the authorization request named. */
    String idTokenFor(GoogleSettings s, String code, String redirectUri) {
        requireSecret(s);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("client_id", s.clientId());
        form.put("client_secret", s.clientSecret());
        if (redirectUri != null) {
            form.put("redirect_uri", redirectUri);
        }
        return endpoint.exchange(s.tokenUrl(), form, "id_token");
    }

    /** AuthError when the app has no client secret, without which Google exchanges no code. */
    static void requireSecret(GoogleSettings s) {
        if (s.clientSecret() == null) {
            throw new AuthException(ErrorCode.AuthError, NO_SECRET);
        }
    }
}
