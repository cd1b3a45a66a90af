package dev.atrium.core.auth.apple;

import dev.atrium.core.idp.IdTokenTrust;
import dev.atrium.core.idp.SettingsReader;
import dev.atrium.core.idp.web.RedirectUrls;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code oauth2-apple} config: {@code client_ids} (required: the app's bundle ids and services
 * ids, the {@code aud} Apple puts in its tokens), {@code jwks_url} (default Apple's), {@code issuer}
 * (default {@code https://appleid.apple.com}) and {@code clock_skew_s} (0..300, default 60).
 * Verifying an ID token needs only Apple's public keys; the web redirect flow
 * ({@code Credentials.apple(redirectUrl)}) also needs the web client and its signing key, all four
 * or none: {@code services_id} (the Services ID the browser signs in to, also accepted as an
 * audience), {@code team_id}, {@code key_id} and {@code private_key_secret} (the key's .p8 file,
 * write-only), with {@code allowed_redirect_urls}, {@code auth_url} and {@code token_url}
 * (Apple's by default).
 */
public record AppleSettings(Set<String> clientIds, URI jwksUrl, String issuer, Duration clockSkew, Web web) {
    public static final URI DEFAULT_JWKS_URL = URI.create("https://appleid.apple.com/auth/keys");
    public static final String DEFAULT_ISSUER = "https://appleid.apple.com";
    public static final URI DEFAULT_AUTH_URL = URI.create("https://appleid.apple.com/auth/authorize");
    public static final URI DEFAULT_TOKEN_URL = URI.create("https://appleid.apple.com/auth/token");
    public static final String PRIVATE_KEY = "private_key_secret";
    /** Keys holding secrets: stored encrypted, never shown back by the admin API. */
    public static final List<String> SECRET_KEYS = List.of(PRIVATE_KEY);
    /** Apple's team and key ids: ten upper-case letters or digits. */
    private static final Pattern APPLE_ID = Pattern.compile("[A-Z0-9]{10}");

    /**
     * What the web redirect flow needs; {@code servicesId} null when it is not set up (then
     * {@code teamId}, {@code keyId} and {@code privateKey} are null too).
     */
    public record Web(String servicesId, String teamId, String keyId, String privateKey, URI authUrl, URI tokenUrl,
                      RedirectUrls allowedRedirects) {
        public boolean configured() {
            return servicesId != null;
        }

        /** The key stays out of logs and error texts. */
        @Override
        public String toString() {
            return "Web[services_id=" + servicesId + ", team_id=" + teamId + ", key_id=" + keyId + ", private_key_set="
                    + (privateKey != null) + ", auth_url=" + authUrl + ", token_url=" + tokenUrl + ", " + allowedRedirects + "]";
        }
    }

    /** Parses and validates; IllegalArgumentException naming every bad or unknown key. */
    public static AppleSettings from(Map<String, Object> config) {
        SettingsReader r = new SettingsReader(config);
        Set<String> clientIds = r.strings("client_ids", null, false);
        URI jwks = r.url("jwks_url", DEFAULT_JWKS_URL);
        String issuer = r.string("issuer", DEFAULT_ISSUER);
        Duration skew = r.clockSkew();
        Web web = web(r);
        r.done();
        return new AppleSettings(clientIds, jwks, issuer, skew, web);
    }

    private static Web web(SettingsReader r) {
        String services = r.string("services_id", null);
        String team = r.string("team_id", null);
        String key = r.string("key_id", null);
        String pem = r.string(PRIVATE_KEY, null);
        URI auth = r.url("auth_url", DEFAULT_AUTH_URL);
        URI token = r.url("token_url", DEFAULT_TOKEN_URL);
        RedirectUrls redirects = RedirectUrls.read(r);
        int given = (services == null ? 0 : 1) + (team == null ? 0 : 1) + (key == null ? 0 : 1) + (pem == null ? 0 : 1);
        r.require(given == 0 || given == 4, "the web redirect flow needs all of services_id, team_id, key_id and " + PRIVATE_KEY);
        r.require(given == 4 || redirects.isEmpty(), RedirectUrls.KEY + " needs services_id, team_id, key_id and " + PRIVATE_KEY);
        r.require(team == null || APPLE_ID.matcher(team).matches(), "team_id must be ten upper-case letters or digits");
        r.require(key == null || APPLE_ID.matcher(key).matches(), "key_id must be ten upper-case letters or digits");
        if (pem != null) {
            try {
                AppleClientSecret.privateKey(pem);
            } catch (IllegalArgumentException e) {
                r.require(false, PRIVATE_KEY + " " + e.getMessage());
            }
        }
        return given == 4 ? new Web(services, team, key, pem, auth, token, redirects)
                : new Web(null, null, null, null, auth, token, RedirectUrls.NONE);
    }

    IdTokenTrust trust() {
        Set<String> audiences = new LinkedHashSet<>(clientIds);
        if (web.configured()) {
            audiences.add(web.servicesId());
        }
        return new IdTokenTrust(jwksUrl, Set.of(issuer), audiences, clockSkew);
    }
}
