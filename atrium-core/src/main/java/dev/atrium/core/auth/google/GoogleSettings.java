package dev.atrium.core.auth.google;

import dev.atrium.core.idp.IdTokenTrust;
import dev.atrium.core.idp.SettingsReader;
import dev.atrium.core.idp.web.RedirectUrls;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code oauth2-google} config:
 * <ul>
 * <li>{@code client_id} (required): the OAuth client (type "Web application") that exchanges auth
 *     codes; its ID tokens are accepted;</li>
 * <li>{@code additional_client_ids}: further client ids whose ID tokens are accepted (Android, iOS);</li>
 * <li>{@code client_secret} (write-only): {@code client_id}'s secret, needed only for auth codes;</li>
 * <li>{@code redirect_uri}: sent with a code exchange, default {@code postmessage} (Google Identity
 *     Services' popup code flow); {@code ""} sends none (codes from Android and iOS);</li>
 * <li>{@code jwks_url}, {@code issuers}, {@code token_url}, {@code auth_url}: Google's by default;</li>
 * <li>{@code allowed_redirect_urls}: the app's pages the web redirect flow may return to (none by
 *     default: no web sign-in), see {@link RedirectUrls};</li>
 * <li>{@code clock_skew_s}: 0..300, default 60.</li>
 * </ul>
 */
public record GoogleSettings(String clientId, Set<String> additionalClientIds, String clientSecret, String redirectUri,
                             URI jwksUrl, Set<String> issuers, URI tokenUrl, Duration clockSkew, URI authUrl,
                             RedirectUrls allowedRedirects) {
    public static final URI DEFAULT_JWKS_URL = URI.create("https://www.googleapis.com/oauth2/v3/certs");
    /** Google's ID tokens say either form (its OpenID Connect documentation). */
    public static final Set<String> DEFAULT_ISSUERS = Set.of("https://accounts.google.com", "accounts.google.com");
    public static final URI DEFAULT_TOKEN_URL = URI.create("https://oauth2.googleapis.com/token");
    public static final String DEFAULT_REDIRECT_URI = "postmessage";
    /** Google's OAuth 2.0 authorization endpoint (its OpenID Connect discovery document's {@code authorization_endpoint}). */
    public static final URI DEFAULT_AUTH_URL = URI.create("https://accounts.google.com/o/oauth2/v2/auth");
    public static final String CLIENT_SECRET = "client_secret";
    /** Keys holding secrets: stored encrypted, never shown back by the admin API. */
    public static final List<String> SECRET_KEYS = List.of(CLIENT_SECRET);

    /** Parses and validates; IllegalArgumentException naming every bad or unknown key. */
    public static GoogleSettings from(Map<String, Object> config) {
        SettingsReader r = new SettingsReader(config);
        String clientId = r.string("client_id");
        Set<String> more = r.strings("additional_client_ids", Set.of(), true);
        String secret = r.string(CLIENT_SECRET, null);
        String redirect = r.text("redirect_uri", DEFAULT_REDIRECT_URI);
        URI jwks = r.url("jwks_url", DEFAULT_JWKS_URL);
        Set<String> issuers = r.strings("issuers", DEFAULT_ISSUERS, false);
        URI token = r.url("token_url", DEFAULT_TOKEN_URL);
        Duration skew = r.clockSkew();
        URI auth = r.url("auth_url", DEFAULT_AUTH_URL);
        RedirectUrls redirects = RedirectUrls.read(r);
        r.done();
        return new GoogleSettings(clientId, more, secret, redirect.isEmpty() ? null : redirect, jwks, issuers, token, skew, auth,
                redirects);
    }

    IdTokenTrust trust() {
        Set<String> audiences = new LinkedHashSet<>(additionalClientIds);
        audiences.add(clientId);
        return new IdTokenTrust(jwksUrl, issuers, audiences, clockSkew);
    }

    /** The secret stays out of logs and error texts. */
    @Override
    public String toString() {
        return "GoogleSettings[client_id=" + clientId + ", additional_client_ids=" + additionalClientIds
                + ", client_secret_set=" + (clientSecret != null) + ", redirect_uri=" + redirectUri + ", jwks_url=" + jwksUrl
                + ", issuers=" + issuers + ", token_url=" + tokenUrl + ", clock_skew=" + clockSkew + ", auth_url=" + authUrl
                + ", " + allowedRedirects + "]";
    }
}
