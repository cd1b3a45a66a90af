package dev.atrium.core.auth.apple;

import dev.atrium.core.idp.StoredSettings;
import dev.atrium.core.idp.web.RedirectUrls;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What Apple's web redirect flow needs of the {@code oauth2-apple} config, all four or none:
 * {@code services_id} (the Services ID the browser signs in to), {@code team_id}, {@code key_id}
 * and {@code private_key_secret} (the Sign in with Apple key's .p8 file, write-only); with
 * {@code allowed_redirect_urls}, {@code auth_url} and {@code token_url} (Apple's by default).
 * {@code servicesId} is null when the flow is not set up (the three others are then null too).
 */
public record AppleWebSettings(String servicesId, String teamId, String keyId, String privateKey, URI authUrl, URI tokenUrl,
                               RedirectUrls allowedRedirects) {
    public static final String PRIVATE_KEY = "private_key_secret";
    public static final URI DEFAULT_AUTH_URL = URI.create("https://appleid.apple.com/auth/authorize");
    public static final URI DEFAULT_TOKEN_URL = URI.create("https://appleid.apple.com/auth/token");
    private static final List<String> KEYS = List.of("services_id", "team_id", "key_id", PRIVATE_KEY);
    /** Apple's team and key ids: ten upper-case letters or digits. */
    private static final Pattern APPLE_ID = Pattern.compile("[A-Z0-9]{10}");

    public boolean configured() {
        return servicesId != null;
    }

    /** Reads a config the declaration and {@link #problems} have passed. */
    static AppleWebSettings from(Map<String, Object> config) {
        URI auth = URI.create(StoredSettings.string(config, "auth_url", DEFAULT_AUTH_URL.toString()));
        URI token = URI.create(StoredSettings.string(config, "token_url", DEFAULT_TOKEN_URL.toString()));
        if (!(config.get("services_id") instanceof String services)) {
            return new AppleWebSettings(null, null, null, null, auth, token, RedirectUrls.NONE);
        }
        return new AppleWebSettings(services, StoredSettings.string(config, "team_id", null),
                StoredSettings.string(config, "key_id", null), StoredSettings.string(config, PRIVATE_KEY, null), auth, token,
                RedirectUrls.in(config));
    }

    /** The web keys' rules across keys: all four or none, the ids' form, a usable key, the allowed pages. */
    static List<String> problems(Map<String, Object> config) {
        List<String> problems = new ArrayList<>();
        long given = KEYS.stream().filter(k -> config.get(k) != null).count();
        if (given != 0 && given != KEYS.size()) {
            problems.add("the web redirect flow needs all of services_id, team_id, key_id and " + PRIVATE_KEY);
        }
        if (given != KEYS.size() && config.get(RedirectUrls.KEY) instanceof List<?> l && !l.isEmpty()) {
            problems.add(RedirectUrls.KEY + " needs services_id, team_id, key_id and " + PRIVATE_KEY);
        }
        for (String id : new String[] {"team_id", "key_id"}) {
            if (config.get(id) instanceof String v && !APPLE_ID.matcher(v).matches()) {
                problems.add(id + " must be ten upper-case letters or digits");
            }
        }
        if (config.get(PRIVATE_KEY) instanceof String pem) {
            try {
                AppleClientSecret.privateKey(pem);
            } catch (IllegalArgumentException e) {
                problems.add(PRIVATE_KEY + " " + e.getMessage());
            }
        }
        problems.addAll(StoredSettings.notBlank(config, "services_id"));
        problems.addAll(RedirectUrls.problems(config));
        return problems;
    }

    /** The key stays out of logs and error texts. */
    @Override
    public String toString() {
        return "AppleWebSettings[services_id=" + servicesId + ", team_id=" + teamId + ", key_id=" + keyId + ", private_key_set="
                + (privateKey != null) + ", auth_url=" + authUrl + ", token_url=" + tokenUrl + ", " + allowedRedirects + "]";
    }
}
