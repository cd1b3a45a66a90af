package dev.atrium.core.auth.google;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.idp.IdpJson;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.OutboundHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

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

    private static final String FORM = "application/x-www-form-urlencoded";

    private final OutboundHttp http;

    GoogleCodeExchange(OutboundHttp http) {
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
        OutboundHttp.Answer reply;
        try {
            reply = http.post(s.tokenUrl(), Map.of("Accept", "application/json"), FORM, encoded(form));
        } catch (OutboundHttp.Failure e) {
            throw failed(e.getMessage());
        }
        Map<String, Object> answer;
        try {
            answer = IdpJson.object(reply);
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

    /** The form as {@code application/x-www-form-urlencoded} (the HTML form encoding RFC 6749 names). */
    private static byte[] encoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.US_ASCII);
    }

    private static AuthException failed(String detail) {
        return new AuthException(ErrorCode.AuthError, EXCHANGE_FAILED, "token endpoint: " + detail);
    }
}
