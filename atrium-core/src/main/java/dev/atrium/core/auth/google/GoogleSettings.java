package dev.atrium.core.auth.google;

import dev.atrium.core.apps.ProviderSettings;
import dev.atrium.core.apps.SettingField;
import dev.atrium.core.idp.IdTokenTrust;
import dev.atrium.core.idp.StoredSettings;
import dev.atrium.core.idp.web.RedirectUrls;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
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

    /** The declared keys; the admin API checks a config against them before it is stored. */
    static final ProviderSettings DECLARED = ProviderSettings.declared(
            SettingField.string("client_id", "The web OAuth client: exchanges auth codes, its ID tokens are accepted")
                    .asRequired(),
            SettingField.stringList("additional_client_ids", "Further client ids whose ID tokens are accepted (Android, iOS)"),
            SettingField.string("client_secret", "client_id's secret, needed only for auth codes"),
            SettingField.string("redirect_uri", "Sent with a code exchange; \"\" sends none (codes from Android and iOS)")
                    .defaultsTo(DEFAULT_REDIRECT_URI),
            SettingField.url("jwks_url", "Google's signing keys").defaultsTo(DEFAULT_JWKS_URL.toString()),
            SettingField.stringList("issuers", "The iss values of Google's ID tokens")
                    .defaultsTo(List.copyOf(new java.util.TreeSet<>(DEFAULT_ISSUERS))),
            SettingField.url("token_url", "Google's token endpoint (auth codes)").defaultsTo(DEFAULT_TOKEN_URL.toString()),
            SettingField.duration("clock_skew_s", "Leeway on exp and iat")
                    .bounds(0L, StoredSettings.MAX_SKEW_S).defaultsTo(StoredSettings.DEFAULT_SKEW_S),
            SettingField.stringList(RedirectUrls.KEY, "The app's pages the web redirect flow may return to (exact URLs)"),
            SettingField.url("auth_url", "Google's authorization endpoint (the web redirect flow)")
                    .defaultsTo(DEFAULT_AUTH_URL.toString()))
            .alsoChecking(config -> {
                List<String> problems = new ArrayList<>(StoredSettings.notBlank(config, "client_id"));
                problems.addAll(StoredSettings.notBlank(config, "client_secret"));
                problems.addAll(StoredSettings.nonEmptyList(config, "issuers"));
                problems.addAll(RedirectUrls.problems(config));
                return problems;
            });

    /** Checks and reads; IllegalArgumentException naming every bad or unknown key. */
    public static GoogleSettings from(Map<String, Object> config) {
        DECLARED.validate(config);
        String redirect = StoredSettings.string(config, "redirect_uri", DEFAULT_REDIRECT_URI);
        return new GoogleSettings(StoredSettings.string(config, "client_id", null),
                StoredSettings.strings(config, "additional_client_ids", Set.of()),
                StoredSettings.string(config, "client_secret", null), redirect.isEmpty() ? null : redirect,
                URI.create(StoredSettings.string(config, "jwks_url", DEFAULT_JWKS_URL.toString())),
                StoredSettings.strings(config, "issuers", DEFAULT_ISSUERS),
                URI.create(StoredSettings.string(config, "token_url", DEFAULT_TOKEN_URL.toString())),
                StoredSettings.clockSkew(config), URI.create(StoredSettings.string(config, "auth_url", DEFAULT_AUTH_URL.toString())),
                RedirectUrls.in(config));
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
