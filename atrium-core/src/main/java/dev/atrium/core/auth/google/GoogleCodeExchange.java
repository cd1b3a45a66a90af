package dev.atrium.core.auth.google;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.idp.IdpHttp;
import dev.atrium.core.idp.IdpUnreachableException;
import dev.atrium.core.kernel.AuthException;
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

    private final IdpHttp http;

    GoogleCodeExchange(IdpHttp http) {
        this.http = http;
    }

    /** The ID token Google returns for {@code code}. */
    String idTokenFor(GoogleSettings s, String code) {
        if (s.clientSecret() == null) {
            throw new AuthException(ErrorCode.AuthError, NO_SECRET);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("client_id", s.clientId());
        form.put("client_secret", s.clientSecret());
        if (s.redirectUri() != null) {
            form.put("redirect_uri", s.redirectUri());
        }
        IdpHttp.Reply reply;
        try {
            reply = http.postForm(s.tokenUrl(), form);
        } catch (IdpUnreachableException e) {
            throw failed(e.getMessage());
        }
        Map<String, Object> answer;
        try {
            answer = reply.json();
        } catch (IllegalArgumentException e) {
            throw failed("HTTP " + reply.status() + ", " + e.getMessage());
        }
        if (!reply.ok()) {
            if ("invalid_grant".equals(answer.get("error"))) {
                throw new AuthException(ErrorCode.AuthError, CODE_REFUSED, "token endpoint: invalid_grant");
            }
            throw failed("HTTP " + reply.status() + ", error " + answer.get("error"));
        }
        if (answer.get("id_token") instanceof String idToken && !idToken.isEmpty()) {
            return idToken;
        }
        throw failed("the answer has no id_token (was the openid scope asked for?)");
    }

    private static AuthException failed(String detail) {
        return new AuthException(ErrorCode.AuthError, EXCHANGE_FAILED, "token endpoint: " + detail);
    }
}
