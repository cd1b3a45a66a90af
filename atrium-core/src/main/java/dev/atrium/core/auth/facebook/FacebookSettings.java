package dev.atrium.core.auth.facebook;

import dev.atrium.core.idp.SettingsReader;
import dev.atrium.core.idp.web.RedirectUrls;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
    public static final String APP_SECRET = "app_secret";
    /** Keys holding secrets: stored encrypted, never shown back by the admin API. */
    public static final List<String> SECRET_KEYS = List.of(APP_SECRET);
    private static final Pattern VERSION = Pattern.compile("v\\d{1,3}\\.\\d{1,3}");

    /** Parses and validates; IllegalArgumentException naming every bad or unknown key. */
    public static FacebookSettings from(Map<String, Object> config) {
        SettingsReader r = new SettingsReader(config);
        String appId = r.string("app_id");
        String secret = r.string(APP_SECRET);
        URI graph = r.url("graph_url", DEFAULT_GRAPH_URL);
        String version = r.string("graph_version", DEFAULT_VERSION);
        r.require(VERSION.matcher(version).matches(), "graph_version must look like v21.0");
        r.require(graph.getRawQuery() == null && graph.getRawFragment() == null, "graph_url must have no query or fragment");
        URI dialog = r.url("dialog_url", null);
        RedirectUrls redirects = RedirectUrls.read(r);
        r.done();
        return new FacebookSettings(appId, secret, graph, version,
                dialog != null ? dialog : URI.create("https://www.facebook.com/" + version + "/dialog/oauth"), redirects);
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
