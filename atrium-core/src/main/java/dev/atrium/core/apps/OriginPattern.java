package dev.atrium.core.apps;

import java.util.regex.Pattern;

/**
 * One entry of an app's allowed-origins list: an exact origin ({@code https://blog.example}), or
 * every subdomain, at any depth, of a domain under one scheme and port
 * ({@code https://*.example.com}: {@code https://a.example.com} and {@code https://a.b.example.com},
 * not {@code https://example.com} nor {@code https://evil-example.com}).
 *
 * @param origin the exact origin, or for a wildcard the origin of the domain below the wildcard
 * @param subdomains whether this is a wildcard entry
 */
public record OriginPattern(Origin origin, boolean subdomains) {
    private static final Pattern IPV4ISH = Pattern.compile(".*\\.[0-9]+");

    /** The entry {@code text} as a pattern; IllegalArgumentException naming the entry and what is wrong. */
    static OriginPattern parse(String text) {
        if (text.equals("null")) {
            throw new IllegalArgumentException("'null' (the origin of sandboxed and file: pages) is allowed only by '*', any origin");
        }
        int star = text.indexOf('*');
        if (star < 0) {
            return new OriginPattern(Origin.parse(text), false);
        }
        int host = text.indexOf("://") + 3;
        if (host == 2 || star != host || !text.startsWith("*.", star) || text.indexOf('*', star + 1) >= 0) {
            throw wildcard(text, text.substring(star).equals("*") && star == host
                    ? "it would allow every site; use '*' alone for any origin"
                    : "a wildcard must be the whole left-most label, as in https://*.example.com");
        }
        Origin domain = Origin.parse(text.substring(0, star) + text.substring(star + 2));
        if (domain.host().startsWith("[") || IPV4ISH.matcher(domain.host()).matches()) {
            throw wildcard(text, "a wildcard needs a domain name, not an IP address");
        }
        if (!domain.host().contains(".")) {
            throw wildcard(text, "a wildcard needs at least two labels after '*.' (a top-level domain is too broad)");
        }
        return new OriginPattern(domain, true);
    }

    /** Whether {@code o} is this origin, or for a wildcard a subdomain of its domain with the same scheme and port. */
    boolean matches(Origin o) {
        return o.scheme().equals(origin.scheme()) && o.port() == origin.port()
                && (subdomains ? o.host().endsWith("." + origin.host()) : o.host().equals(origin.host()));
    }

    /** The entry in its normalised form, as stored and shown. */
    @Override
    public String toString() {
        return subdomains ? origin.scheme() + "://*." + origin.toString().substring(origin.scheme().length() + 3) : origin.toString();
    }

    private static IllegalArgumentException wildcard(String text, String why) {
        return new IllegalArgumentException("'" + text + "' is not an origin pattern: " + why);
    }
}
