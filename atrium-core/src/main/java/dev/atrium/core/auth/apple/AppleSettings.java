package dev.atrium.core.auth.apple;

import dev.atrium.core.idp.IdTokenTrust;
import dev.atrium.core.idp.SettingsReader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code oauth2-apple} config: {@code client_ids} (required: the app's bundle ids and services
 * ids, the {@code aud} Apple puts in its tokens), {@code jwks_url} (default Apple's), {@code issuer}
 * (default {@code https://appleid.apple.com}) and {@code clock_skew_s} (0..300, default 60). No
 * secret: verifying an ID token needs only Apple's public keys.
 */
public record AppleSettings(Set<String> clientIds, URI jwksUrl, String issuer, Duration clockSkew) {
    public static final URI DEFAULT_JWKS_URL = URI.create("https://appleid.apple.com/auth/keys");
    public static final String DEFAULT_ISSUER = "https://appleid.apple.com";
    /** Keys holding secrets (none): the admin API shows every key of this config. */
    public static final List<String> SECRET_KEYS = List.of();

    /** Parses and validates; IllegalArgumentException naming every bad or unknown key. */
    public static AppleSettings from(Map<String, Object> config) {
        SettingsReader r = new SettingsReader(config);
        Set<String> clientIds = r.strings("client_ids", null, false);
        URI jwks = r.url("jwks_url", DEFAULT_JWKS_URL);
        String issuer = r.string("issuer", DEFAULT_ISSUER);
        Duration skew = r.clockSkew();
        r.done();
        return new AppleSettings(clientIds, jwks, issuer, skew);
    }

    IdTokenTrust trust() {
        return new IdTokenTrust(jwksUrl, Set.of(issuer), clientIds, clockSkew);
    }
}
