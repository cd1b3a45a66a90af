package dev.atrium.core.auth.facebook;

import dev.atrium.core.apps.ProviderSettings;
import dev.atrium.core.apps.SettingField;
import dev.atrium.core.idp.StoredSettings;
import dev.atrium.core.idp.web.RedirectUrls;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code oauth2-facebook} config: {@code app_id} and {@code app_secret} (both required; the
 * secret is write-only) of the Facebook app, {@code graph_url} (default
 * {@code https://graph.facebook.com}) and {@code graph_version} (default {@link #DEFAULT_VERSION}:
 * set the version your Facebook app is on, Facebook retires each about two years after its release).
 * For the web redirect flow ({@code Credentials.facebook(redirectUrl)}): {@code allowed_redirect_urls}
 * and {@code dialog_url} (default {@code https://www.facebook.com/<graph_version>/dialog/oauth}).
 */
public record FacebookSettings(String appId, String appSecret, URI graphUrl, String graphVersion, URI dialogUrl,
                               RedirectUrls allowedRedirects) {
    public static final URI DEFAULT_GRAPH_URL = URI.create("https://graph.facebook.com");
    public static final String DEFAULT_VERSION = "v21.0";
    private static final Pattern VERSION = Pattern.compile("v\\d{1,3}\\.\\d{1,3}");

    /** The declared keys and the two patterns; the admin API checks a config against them before it is stored. */
    static final ProviderSettings DECLARED = ProviderSettings.declared(
            SettingField.string("app_id", "The Facebook app's id").asRequired(),
            SettingField.string("app_secret", "The Facebook app's secret").asRequired(),
            SettingField.url("graph_url", "The Graph API, without a query").defaultsTo(DEFAULT_GRAPH_URL.toString()),
            SettingField.string("graph_version", "The Graph API version your Facebook app is on, e.g. v21.0")
                    .defaultsTo(DEFAULT_VERSION),
            SettingField.stringList(RedirectUrls.KEY, "The app's pages the web redirect flow may return to (exact URLs)"),
            SettingField.url("dialog_url", "Facebook's login dialog (the web redirect flow); default: the graph_version's"))
            .alsoChecking(FacebookSettings::rules);

    private static List<String> rules(Map<String, Object> config) {
        List<String> problems = new ArrayList<>(StoredSettings.notBlank(config, "app_id"));
        problems.addAll(StoredSettings.notBlank(config, "app_secret"));
        if (config.get("graph_version") instanceof String v && !VERSION.matcher(v).matches()) {
            problems.add("graph_version must look like v21.0");
        }
        if (config.get("graph_url") instanceof String u && (u.contains("?") || u.contains("#"))) {
            problems.add("graph_url must have no query or fragment");
        }
        problems.addAll(RedirectUrls.problems(config));
        return problems;
    }

    /** Checks and reads; IllegalArgumentException naming every bad or unknown key. */
    public static FacebookSettings from(Map<String, Object> config) {
        DECLARED.validate(config);
        String version = StoredSettings.string(config, "graph_version", DEFAULT_VERSION);
        return new FacebookSettings(StoredSettings.string(config, "app_id", null), StoredSettings.string(config, "app_secret", null),
                URI.create(StoredSettings.string(config, "graph_url", DEFAULT_GRAPH_URL.toString())), version,
                URI.create(StoredSettings.string(config, "dialog_url", "https://www.facebook.com/" + version + "/dialog/oauth")),
                RedirectUrls.in(config));
    }

    /** {@code <graph_url>/<graph_version>/<path>?<query>}, the query form-encoded. */
    URI graph(String path, Map<String, String> query) {
        String base = graphUrl.toString().replaceAll("/+$", "");
        String q = query.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(base + "/" + graphVersion + "/" + path + (q.isEmpty() ? "" : "?" + q));
    }

    /** The app access token that {@code debug_token} wants: {@code app_id|app_secret}. */
    String appAccessToken() {
        return appId + "|" + appSecret;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The secret stays out of logs and error texts. */
    @Override
    public String toString() {
        return "FacebookSettings[app_id=" + appId + ", app_secret_set=" + (appSecret != null) + ", graph_url=" + graphUrl
                + ", graph_version=" + graphVersion + ", dialog_url=" + dialogUrl + ", " + allowedRedirects + "]";
    }
}
