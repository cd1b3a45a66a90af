package dev.atrium.client;

import dev.atrium.api.ApiPaths;
import java.net.URI;
import java.net.URLEncoder;

/**
 * The client API's URLs: location under the configured base URL, everything else under
 * the {@code hostname} location returned. App-scoped routes carry the app id verbatim (as every
 * client does); user-scoped routes carry none (the server finds the app from the token).
 */
final class Routes {
    private final String appId;
    private final String baseUrl;

    Routes(String appId, String baseUrl) {
        this.appId = appId;
        this.baseUrl = stripTrailingSlashes(baseUrl);
    }

    /** {@code url} without trailing slashes (core strips them). */
    static String stripTrailingSlashes(String url) {
        String s = url;
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    String baseUrl() {
        return baseUrl;
    }

    URI location() {
        return URI.create(baseUrl + ApiPaths.APP + "/" + appId + "/location");
    }

    URI login(String host, String provider, boolean link) {
        return URI.create(host + ApiPaths.APP + "/" + appId + "/auth/providers/" + provider + "/login"
                + (link ? "?link=true" : ""));
    }

    /** {@code …/auth/providers/local-userpass/<suffix>}. */
    URI emailPassword(String host, String suffix) {
        return URI.create(host + ApiPaths.APP + "/" + appId + "/auth/providers/" + Credentials.EMAIL_PASSWORD + "/" + suffix);
    }

    URI profile(String host) {
        return URI.create(host + ApiPaths.AUTH + "/profile");
    }

    URI session(String host) {
        return URI.create(host + ApiPaths.AUTH + "/session");
    }

    URI delete(String host) {
        return URI.create(host + ApiPaths.AUTH + "/delete");
    }

    URI apiKeys(String host) {
        return URI.create(host + ApiPaths.AUTH + "/api_keys");
    }

    /** {@code /auth/api_keys/<id>} plus an optional {@code /enable} or {@code /disable}. */
    URI apiKey(String host, String id, String action) {
        String segment;
        try {
            segment = URLEncoder.encode(id, "UTF-8").replace("+", "%20"); // the Charset overload is Android 13+
        } catch (java.io.UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible); // every platform has UTF-8
        }
        return URI.create(host + ApiPaths.AUTH + "/api_keys/" + segment + (action == null ? "" : "/" + action));
    }
}
