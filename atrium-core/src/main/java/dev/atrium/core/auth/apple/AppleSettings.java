package dev.atrium.core.auth.apple;

import dev.atrium.core.apps.ProviderSettings;
import dev.atrium.core.apps.SettingField;
import dev.atrium.core.idp.IdTokenTrust;
import dev.atrium.core.idp.StoredSettings;
import java.net.URI;
import java.time.Duration;
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

    /** The declared keys; the admin API checks a config against them before it is stored. */
    static final ProviderSettings DECLARED = ProviderSettings.declared(
            SettingField.stringList("client_ids", "The app's bundle ids and services ids: the aud of Apple's ID tokens")
                    .asRequired(),
            SettingField.url("jwks_url", "Apple's signing keys").defaultsTo(DEFAULT_JWKS_URL.toString()),
            SettingField.string("issuer", "The iss of Apple's ID tokens").bounds(1L, null).defaultsTo(DEFAULT_ISSUER),
            SettingField.integer("clock_skew_s", "Seconds of leeway on exp and iat")
                    .bounds(0L, StoredSettings.MAX_SKEW_S).defaultsTo(StoredSettings.DEFAULT_SKEW_S))
            .alsoChecking(config -> StoredSettings.nonEmptyList(config, "client_ids"));

    /** Checks and reads; IllegalArgumentException naming every bad or unknown key. */
    public static AppleSettings from(Map<String, Object> config) {
        DECLARED.validate(config);
        return new AppleSettings(StoredSettings.strings(config, "client_ids", Set.of()),
                URI.create(StoredSettings.string(config, "jwks_url", DEFAULT_JWKS_URL.toString())),
                StoredSettings.string(config, "issuer", DEFAULT_ISSUER), StoredSettings.clockSkew(config));
    }

    IdTokenTrust trust() {
        return new IdTokenTrust(jwksUrl, Set.of(issuer), clientIds, clockSkew);
    }
}
