package dev.atrium.core.idp.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** An authorization endpoint with the request's parameters added to its query (RFC 6749 §4.1.1). */
public final class AuthorizationUrl {
    private AuthorizationUrl() {}

    /** {@code endpoint} with {@code params} appended, each percent-encoded (a space as {@code %20}). */
    public static URI of(URI endpoint, Map<String, String> params) {
        String query = params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String base = endpoint.toString();
        return URI.create(base + (endpoint.getRawQuery() == null ? "?" : "&") + query);
    }

    /** RFC 3986 percent-encoding of a query value (URLEncoder writes a space as '+', which JavaScript's decodeURIComponent keeps). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
