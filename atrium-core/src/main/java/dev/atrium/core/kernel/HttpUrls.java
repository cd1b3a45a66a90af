package dev.atrium.core.kernel;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The one rule for a URL Atrium will call (webhooks, a JWKS): {@code http} or {@code https} with a
 * host. Checked when an operator configures it, and again by the server's outbound client before
 * every call (a value stored before this rule existed, or written to the store by hand, is still
 * refused). {@code file:}, {@code ftp:}, {@code gopher:}, {@code jar:} and the like never reach a client.
 */
public final class HttpUrls {
    private HttpUrls() {}

    /** The parsed URL; IllegalArgumentException naming {@code key} when it is not an http(s) URL with a host. */
    public static URI parse(String key, String value) {
        try {
            URI u = new URI(value);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && !u.getHost().isEmpty()) {
                return u;
            }
        } catch (URISyntaxException e) {
            // reported below, without the parser's text: the key and the rule are what the operator needs
        }
        throw new IllegalArgumentException(key + " must be an http(s) URL with a host");
    }
}
