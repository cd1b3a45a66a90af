package dev.atrium.server.testing.idp;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Google's token endpoint as far as an auth-code exchange goes (RFC 6749 §4.1.3): a code issued by
 * {@link #code} is good once, for the stub's client id and secret (and the {@code redirect_uri} of its
 * authorization, when it had one), and answers an ID token;
 * Google's errors otherwise ({@code invalid_client} 401, {@code invalid_grant} 400).
 */
final class StubGoogleTokens {
    private final StubIssuer google;
    private final String clientSecret;
    /** An issued code: the ID token it exchanges for, and the redirect_uri its authorization named (null: none). */
    private record Issued(String idToken, String redirectUri) {}

    private final Map<String, Issued> codes = new ConcurrentHashMap<>();
    /** Every exchange's form, in order. */
    final List<Map<String, String>> forms = new CopyOnWriteArrayList<>();

    StubGoogleTokens(StubIssuer google, String clientSecret) {
        this.google = google;
        this.clientSecret = clientSecret;
    }

    /** A one-time code that exchanges for {@code idToken}. */
    String code(String idToken) {
        return code(idToken, null);
    }

    /** A one-time code of an authorization that named {@code redirectUri}, which the exchange must repeat. */
    String code(String idToken, String redirectUri) {
        String code = "4/" + UUID.randomUUID();
        codes.put(code, new Issued(idToken, redirectUri));
        return code;
    }

    void exchange(HttpExchange x) throws IOException {
        Map<String, String> form = StubExchange.form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        forms.add(form);
        if (!google.audience.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
            StubExchange.json(x, 401, Map.of("error", "invalid_client", "error_description", "Unauthorized"));
            return;
        }
        Issued issued = "authorization_code".equals(form.get("grant_type")) ? codes.remove(form.getOrDefault("code", "")) : null;
        if (issued == null || issued.redirectUri() != null && !issued.redirectUri().equals(form.get("redirect_uri"))) {
            StubExchange.json(x, 400, Map.of("error", "invalid_grant", "error_description", "Bad Request"));
            return;
        }
        StubExchange.json(x, 200, Map.of("access_token", "ya29." + UUID.randomUUID(), "expires_in", 3599,
                "token_type", "Bearer", "scope", "openid email profile", "id_token", issued.idToken()));
    }
}
