package dev.atrium.core.auth.facebook;

import dev.atrium.core.auth.WebSignIn;
import dev.atrium.core.idp.StoredSettings;
import dev.atrium.core.idp.web.AuthorizationUrl;
import dev.atrium.core.idp.web.RedirectUrls;
import dev.atrium.core.idp.web.TokenEndpoint;
import dev.atrium.core.kernel.OutboundHttp;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Facebook Login on the web, as Facebook's "manually build a login flow" guide describes: the
 * browser goes to the login dialog for the app asking for {@code email} and
 * {@code public_profile}; the code that comes back is exchanged at the Graph API's
 * {@code oauth/access_token} with the app secret (POSTed as a form, as RFC 6749 §4.1.3 token
 * requests are, so the secret is never in a URL), and the user access token it returns logs in
 * through the token flow ({@code debug_token}, then {@code /me}).
 */
final class FacebookWebSignIn implements WebSignIn {
    static final String SCOPE = "email,public_profile";
    /** The Graph API's refusal of a code: an OAuthException with code 100 (invalid, expired or used code, another redirect_uri). */
    static final Predicate<Map<String, Object>> CODE_REFUSED = answer -> answer.get("error") instanceof Map<?, ?> e
            && "OAuthException".equals(e.get("type")) && e.get("code") instanceof Number n && n.intValue() == 100;

    private final TokenEndpoint endpoint;

    FacebookWebSignIn(OutboundHttp http) {
        this.endpoint = new TokenEndpoint(http, "Facebook", "authorization code", CODE_REFUSED);
    }

    @Override
    public String type() {
        return FacebookProvider.TYPE;
    }

    @Override
    public RedirectUrls allowedRedirects(Map<String, Object> config) {
        return settings(config).allowedRedirects();
    }

    @Override
    public URI authorization(Map<String, Object> config, Authorization request) {
        FacebookSettings s = settings(config);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", s.appId());
        params.put("redirect_uri", request.callback().toString());
        params.put("response_type", "code");
        params.put("scope", SCOPE);
        params.put("state", request.state());
        return AuthorizationUrl.of(s.dialogUrl(), params);
    }

    @Override
    public Map<String, Object> credentials(Map<String, Object> config, CodeGrant grant) {
        FacebookSettings s = settings(config);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", s.appId());
        form.put("client_secret", s.appSecret());
        form.put("redirect_uri", grant.callback().toString());
        form.put("code", grant.code());
        return Map.of("accessToken", endpoint.exchange(s.graph("oauth/access_token", Map.of()), form, "access_token"));
    }

    private static FacebookSettings settings(Map<String, Object> config) {
        return StoredSettings.atLogin(FacebookProvider.TYPE, () -> FacebookSettings.from(config));
    }
}
