package dev.atrium.core.auth.passkey;

import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.apps.ProviderSettings;
import dev.atrium.core.apps.SettingField;
import dev.atrium.core.idp.StoredSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code passkey} config (docs/providers/passkey.md, Settings):
 * <ul>
 * <li>{@code rp_id} (required): the relying party id, the domain passkeys are made for
 *     ({@code example.com}; {@code localhost} while developing). A passkey works only on pages of
 *     that domain or its subdomains, and only for this id (WebAuthn §5.1.3, §7.2 step 15);</li>
 * <li>{@code allowed_origins} (required): the exact origins whose pages may run the ceremonies
 *     ({@code https://app.example.com}); each must be on {@code rp_id} or a subdomain of it, https
 *     but for {@code localhost} (browsers offer WebAuthn to secure contexts only); Android apps
 *     sign as {@code android:apk-key-hash:…};</li>
 * <li>{@code rp_name}: the name authenticators show beside the passkey, the app's name by default.</li>
 * </ul>
 */
record PasskeySettings(String rpId, String rpName, Set<String> origins) {
    /** A DNS name: an IP address is never a relying party id (WebAuthn §5.1.3, "a valid domain string"). */
    private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern IPV4 = Pattern.compile("[0-9.]+");
    private static final String ANDROID = "android:apk-key-hash:";

    static final ProviderSettings DECLARED = ProviderSettings.declared(
            SettingField.string("rp_id", "The relying party id: the domain passkeys are made for (example.com; localhost "
                    + "while developing)").asRequired().bounds(1L, 253L),
            SettingField.stringList("allowed_origins", "The exact origins whose pages may register and use passkeys "
                    + "(https://app.example.com), each on rp_id or a subdomain of it").asRequired(),
            SettingField.string("rp_name", "The name authenticators show beside a passkey (the app's name by default)")
                    .bounds(1L, 64L))
            .alsoChecking(PasskeySettings::problems);

    /** Checks and reads; IllegalArgumentException naming every bad or unknown key. */
    static PasskeySettings from(Map<String, Object> config) {
        DECLARED.validate(config);
        return new PasskeySettings(StoredSettings.string(config, "rp_id", null), StoredSettings.string(config, "rp_name", null),
                StoredSettings.strings(config, "allowed_origins", Set.of()));
    }

    /** The settings of the stored config; AuthError "passkey provider is misconfigured" when it no longer passes. */
    static PasskeySettings atLogin(ProviderConfig config) {
        return StoredSettings.atLogin(PasskeyProvider.TYPE, () -> from(config.config()));
    }

    /** The name authenticators show: {@code rp_name}, else the app's. */
    String rpNameOr(String appName) {
        return rpName != null ? rpName : appName;
    }

    private static List<String> problems(Map<String, Object> config) {
        List<String> problems = new ArrayList<>(StoredSettings.nonEmptyList(config, "allowed_origins"));
        if (!(config.get("rp_id") instanceof String rpId)) {
            return problems;
        }
        if (!DOMAIN.matcher(rpId).matches() || IPV4.matcher(rpId).matches()) {
            problems.add("rp_id must be a lower-case domain name such as example.com (not a URL, not an IP address)");
            return problems;
        }
        if (config.get("allowed_origins") instanceof List<?> origins) {
            for (Object origin : origins) {
                String problem = originProblem(String.valueOf(origin), rpId);
                if (problem != null) {
                    problems.add("allowed_origins: " + origin + " " + problem);
                }
            }
        }
        return problems;
    }

    /** What is wrong with {@code origin} for {@code rpId}, or null. */
    private static String originProblem(String origin, String rpId) {
        if (origin.startsWith(ANDROID)) {
            return origin.length() > ANDROID.length() ? null : "names no key hash";
        }
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return "is not an origin";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || !uri.getRawPath().isEmpty()
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            return "must be scheme://host[:port], with nothing after it";
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!host.equals(rpId) && !host.endsWith("." + rpId)) {
            return "is not on rp_id " + rpId + " or a subdomain of it";
        }
        if (scheme.equals("http") && !host.equals("localhost") && !host.endsWith(".localhost")) {
            return "must be https (browsers allow http for localhost only)";
        }
        return null;
    }
}
