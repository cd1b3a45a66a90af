package dev.atrium.core.apps;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A web origin (RFC 6454: scheme, host, port) of an http or https page, normalised so that equal
 * origins compare equal: scheme and host in lower case, the scheme's default port dropped (-1).
 * Parsed with {@link URI}, so a host is a DNS name or an IP literal ({@code [::1]}); an
 * internationalised name is written in its {@code xn--} form, which is what browsers send.
 */
public record Origin(String scheme, String host, int port) {

    /** The origin {@code text} names; IllegalArgumentException saying what is wrong with it. */
    static Origin parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw bad(text, "it is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw bad(text, "the scheme must be http or https");
        }
        if (uri.isOpaque() || uri.getRawAuthority() == null) {
            throw bad(text, "it must be scheme://host[:port]");
        }
        if (uri.getRawUserInfo() != null) {
            throw bad(text, "it has user info");
        }
        if (!uri.getRawPath().isEmpty()) {
            throw bad(text, "it has a path");
        }
        if (uri.getRawQuery() != null) {
            throw bad(text, "it has a query");
        }
        if (uri.getRawFragment() != null) {
            throw bad(text, "it has a fragment");
        }
        if (uri.getHost() == null) {
            throw bad(text, "it has no valid host name");
        }
        int port = uri.getPort();
        if (port == 0 || port > 65535) {
            throw bad(text, "the port must be 1..65535");
        }
        if (port == (scheme.equals("http") ? 80 : 443)) {
            port = -1;
        }
        return new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port);
    }

    /** The origin of a request's {@code Origin} header; empty when it is not an http(s) origin (e.g. {@code null}). */
    static Optional<Origin> fromHeader(String value) {
        try {
            return Optional.of(parse(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The serialised origin: {@code scheme://host[:port]}. */
    @Override
    public String toString() {
        return scheme + "://" + host + (port < 0 ? "" : ":" + port);
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("'" + text + "' is not an origin: " + why);
    }
}
