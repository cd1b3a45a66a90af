package dev.atrium.core.idp.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pages of an app to which the web redirect flow may send a browser back with its tokens: a
 * provider's {@code allowed_redirect_urls}. A redirect is allowed only when it is one of them
 * exactly, compared after normalisation (scheme and host lower case, a default port dropped, an
 * empty path read as {@code /}); path and query must match character for character. No patterns:
 * RFC 9700 (OAuth 2.0 Security Best Current Practice, §4.1) asks for exact matching, because every
 * wildcard scheme has let some attacker's page in. An entry is {@code https} with a host, or
 * {@code http} on a loopback host (a developer's machine), without fragment or user info.
 */
public final class RedirectUrls {
    /** More entries than this is a config mistake, not a use. */
    public static final int MAX_ENTRIES = 100;
    public static final int MAX_LENGTH = 2048;
    /** The setting's key in the config of each provider with a web sign-in. */
    public static final String KEY = "allowed_redirect_urls";
    public static final RedirectUrls NONE = new RedirectUrls(Set.of());
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> normalised;

    private RedirectUrls(Set<String> normalised) {
        this.normalised = Set.copyOf(normalised);
    }

    /** The allow-list of {@code entries}; IllegalArgumentException naming every bad entry. */
    public static RedirectUrls of(List<String> entries) {
        List<String> problems = new ArrayList<>();
        if (entries.size() > MAX_ENTRIES) {
            problems.add("at most " + MAX_ENTRIES + " entries");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String e : entries) {
            Optional<String> n = normalise(e);
            if (n.isEmpty()) {
                problems.add("'" + shorten(e) + "' is not an https URL (http on localhost) with a host, without fragment or user info");
            } else {
                out.add(n.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new RedirectUrls(out);
    }

    /**
     * The {@value #KEY} setting of a provider's config (declared as a list of strings, which the
     * declaration checks): none when absent; IllegalArgumentException naming every bad entry.
     */
    public static RedirectUrls in(Map<String, Object> config) {
        if (!(config.get(KEY) instanceof List<?> entries) || entries.isEmpty()) {
            return NONE;
        }
        try {
            return of(entries.stream().map(String::valueOf).toList());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(KEY + ": " + e.getMessage());
        }
    }

    /** The problems of {@code config}'s {@value #KEY}, for a provider's declared settings check. */
    public static List<String> problems(Map<String, Object> config) {
        try {
            in(config);
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
    }

    /** Whether the browser may be sent to {@code redirect}. */
    public boolean allows(String redirect) {
        return redirect != null && normalise(redirect).map(normalised::contains).orElse(false);
    }

    public boolean isEmpty() {
        return normalised.isEmpty();
    }

    /** The comparable form of {@code url}, empty when it may never be a redirect target. */
    static Optional<String> normalise(String url) {
        if (url == null || url.isEmpty() || url.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        String host = u.getHost() == null ? null : u.getHost().toLowerCase(Locale.ROOT);
        if (host == null || host.isEmpty() || u.getRawUserInfo() != null || u.getRawFragment() != null || u.isOpaque()) {
            return Optional.empty();
        }
        boolean secure = scheme.equals("https");
        if (!secure && !(scheme.equals("http") && LOOPBACK.contains(host))) {
            return Optional.empty();
        }
        int port = u.getPort() == (secure ? 443 : 80) ? -1 : u.getPort();
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        return Optional.of(scheme + "://" + host + (port < 0 ? "" : ":" + port) + path
                + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
    }

    private static String shorten(String s) {
        return s == null ? "null" : s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    @Override
    public String toString() {
        return "RedirectUrls" + normalised;
    }
}
