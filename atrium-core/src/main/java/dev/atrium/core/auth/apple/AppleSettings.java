package dev.atrium.core.auth.apple;

import dev.atrium.core.apps.ProviderSettings;
import dev.atrium.core.apps.SettingField;
import dev.atrium.core.idp.IdTokenTrust;
import dev.atrium.core.idp.StoredSettings;
import dev.atrium.core.idp.web.RedirectUrls;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code oauth2-apple} config: {@code client_ids} (required: the app's bundle ids and services
 * ids, the {@code aud} Apple puts in its tokens), {@code jwks_url} (default Apple's), {@code issuer}
 * (default {@code https://appleid.apple.com}) and {@code clock_skew_s} (0..300, default 60).
 * Verifying an ID token needs only Apple's public keys; the web redirect flow
 * ({@code Credentials.apple(redirectUrl)}) also needs the web client and its signing key
 * ({@link AppleWebSettings}).
 */
public record AppleSettings(Set<String> clientIds, URI jwksUrl, String issuer, Duration clockSkew, AppleWebSettings web) {
    public static final URI DEFAULT_JWKS_URL = URI.create("https://appleid.apple.com/auth/keys");
    public static final String DEFAULT_ISSUER = "https://appleid.apple.com";

    /** The declared keys; the admin API checks a config against them before it is stored. */
    static final ProviderSettings DECLARED = ProviderSettings.declared(
            SettingField.stringList("client_ids", "The app's bundle ids and services ids: the aud of Apple's ID tokens")
                    .asRequired(),
            SettingField.url("jwks_url", "Apple's signing keys").defaultsTo(DEFAULT_JWKS_URL.toString()),
            SettingField.string("issuer", "The iss of Apple's ID tokens").bounds(1L, null).defaultsTo(DEFAULT_ISSUER),
            SettingField.duration("clock_skew_s", "Leeway on exp and iat")
                    .bounds(0L, StoredSettings.MAX_SKEW_S).defaultsTo(StoredSettings.DEFAULT_SKEW_S),
            SettingField.string("services_id", "Web redirect flow: the Services ID the browser signs in to (also an accepted aud)"),
            SettingField.string("team_id", "Web redirect flow: your Apple Developer team id"),
            SettingField.string("key_id", "Web redirect flow: the id of your Sign in with Apple key"),
            SettingField.text(AppleWebSettings.PRIVATE_KEY, "Web redirect flow: that key's .p8 file, as text"),
            SettingField.stringList(RedirectUrls.KEY, "Web redirect flow: the app's pages it may return to (exact URLs)"),
            SettingField.url("auth_url", "Web redirect flow: Apple's authorization page").defaultsTo(AppleWebSettings.DEFAULT_AUTH_URL
                    .toString()),
            SettingField.url("token_url", "Web redirect flow: Apple's token endpoint").defaultsTo(AppleWebSettings.DEFAULT_TOKEN_URL
                    .toString()))
            .alsoChecking(config -> {
                var problems = new java.util.ArrayList<>(StoredSettings.nonEmptyList(config, "client_ids"));
                problems.addAll(AppleWebSettings.problems(config));
                return problems;
            });

    /** Checks and reads; IllegalArgumentException naming every bad or unknown key. */
    public static AppleSettings from(Map<String, Object> config) {
        DECLARED.validate(config);
        return new AppleSettings(StoredSettings.strings(config, "client_ids", Set.of()),
                URI.create(StoredSettings.string(config, "jwks_url", DEFAULT_JWKS_URL.toString())),
                StoredSettings.string(config, "issuer", DEFAULT_ISSUER), StoredSettings.clockSkew(config),
                AppleWebSettings.from(config));
    }

    IdTokenTrust trust() {
        Set<String> audiences = new LinkedHashSet<>(clientIds);
        if (web.configured()) {
            audiences.add(web.servicesId());
        }
        return new IdTokenTrust(jwksUrl, Set.of(issuer), audiences, clockSkew);
    }
}
