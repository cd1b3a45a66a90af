package dev.atrium.core.auth.google;

import dev.atrium.core.auth.WebSignIn;
import dev.atrium.core.idp.StoredSettings;
import dev.atrium.core.idp.web.AuthorizationUrl;
import dev.atrium.core.idp.web.RedirectUrls;
import dev.atrium.core.kernel.OutboundHttp;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Google's web sign-in (OpenID Connect's authorization code flow): the browser goes to
 * {@code auth_url} with the app's {@code client_id} and the scopes {@code openid email profile};
 * the code comes back to Atrium's callback and is exchanged like a client's auth code, with that
 * callback as {@code redirect_uri}; its ID token (which must carry the flow's nonce) then logs in
 * through the token flow.
 */
final class GoogleWebSignIn implements WebSignIn {
    static final String SCOPE = "openid email profile";

    private final GoogleCodeExchange exchange;

    GoogleWebSignIn(OutboundHttp http) {
        this.exchange = new GoogleCodeExchange(http);
    }

    @Override
    public String type() {
        return GoogleProvider.TYPE;
    }

    @Override
    public RedirectUrls allowedRedirects(Map<String, Object> config) {
        return settings(config).allowedRedirects();
    }

    @Override
    public URI authorization(Map<String, Object> config, Authorization request) {
        GoogleSettings s = settings(config);
        GoogleCodeExchange.requireSecret(s);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", s.clientId());
        params.put("redirect_uri", request.callback().toString());
        params.put("response_type", "code");
        params.put("scope", SCOPE);
        params.put("state", request.state());
        params.put("nonce", request.nonce());
        return AuthorizationUrl.of(s.authUrl(), params);
    }

    @Override
    public Map<String, Object> credentials(Map<String, Object> config, CodeGrant grant) {
        String idToken = exchange.idTokenFor(settings(config), grant.code(), grant.callback().toString());
        return Map.of("id_token", idToken, "nonce", grant.nonce());
    }

    private static GoogleSettings settings(Map<String, Object> config) {
        return StoredSettings.atLogin(GoogleProvider.TYPE, () -> GoogleSettings.from(config));
    }
}
