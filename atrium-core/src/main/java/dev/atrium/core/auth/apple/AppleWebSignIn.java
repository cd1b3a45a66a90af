package dev.atrium.core.auth.apple;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.auth.WebSignIn;
import dev.atrium.core.idp.StoredSettings;
import dev.atrium.core.idp.web.AuthorizationUrl;
import dev.atrium.core.idp.web.RedirectUrls;
import dev.atrium.core.idp.web.TokenEndpoint;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.OutboundHttp;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sign in with Apple on the web: the browser goes to {@code auth_url} for the Services ID, asking
 * for the person's name and e-mail, which makes Apple POST the code back to the callback
 * ({@code response_mode=form_post}, which Apple requires whenever scopes are asked for); the code is
 * exchanged at {@code token_url} with a {@link AppleClientSecret} signed by the app's key, and the
 * ID token it returns (carrying the flow's nonce) logs in through the token flow.
 */
final class AppleWebSignIn implements WebSignIn {
    static final String SCOPE = "name email";
    static final String NOT_SET_UP = AppleProvider.TYPE
            + " provider is not set up for the web redirect flow (it needs services_id, team_id, key_id and private_key_secret)";

    private final TokenEndpoint endpoint;
    private final Clock clock;

    AppleWebSignIn(OutboundHttp http, Clock clock) {
        this.endpoint = new TokenEndpoint(http, "Apple", "authorization code", TokenEndpoint.INVALID_GRANT);
        this.clock = clock;
    }

    @Override
    public String type() {
        return AppleProvider.TYPE;
    }

    @Override
    public RedirectUrls allowedRedirects(Map<String, Object> config) {
        return settings(config).web().allowedRedirects();
    }

    @Override
    public URI authorization(Map<String, Object> config, Authorization request) {
        AppleWebSettings web = web(settings(config));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", web.servicesId());
        params.put("redirect_uri", request.callback().toString());
        params.put("response_type", "code");
        params.put("scope", SCOPE);
        params.put("response_mode", "form_post");
        params.put("state", request.state());
        params.put("nonce", request.nonce());
        return AuthorizationUrl.of(web.authUrl(), params);
    }

    @Override
    public Map<String, Object> credentials(Map<String, Object> config, CodeGrant grant) {
        AppleSettings s = settings(config);
        AppleWebSettings web = web(s);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", grant.code());
        form.put("redirect_uri", grant.callback().toString());
        form.put("client_id", web.servicesId());
        form.put("client_secret", AppleClientSecret.sign(web, s.issuer(), clock.instant()));
        return Map.of("id_token", endpoint.exchange(web.tokenUrl(), form, "id_token"), "nonce", grant.nonce());
    }

    private static AppleSettings settings(Map<String, Object> config) {
        return StoredSettings.atLogin(AppleProvider.TYPE, () -> AppleSettings.from(config));
    }

    private static AppleWebSettings web(AppleSettings s) {
        if (!s.web().configured()) {
            throw new AuthException(ErrorCode.AuthError, NOT_SET_UP);
        }
        return s.web();
    }
}
