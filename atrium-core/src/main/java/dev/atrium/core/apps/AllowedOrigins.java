package dev.atrium.core.apps;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which browser origins may read an app's client API responses (CORS): {@link #ANY} (the default),
 * or a list of exact origins and wildcard-subdomain patterns ({@link OriginPattern}), possibly empty
 * ({@link #NONE}: no browser page at all). The one place that matches an {@code Origin} header:
 * origins compare after normalisation (scheme and host lower case, default port dropped). The
 * {@code null} origin (sandboxed frames, {@code file:} pages) carries no identity, so only
 * {@link #ANY} allows it.
 *
 * <p>Wire and stored form ({@link #entries()}, {@link #parse}): {@code ["*"]} is any origin,
 * {@code []} none, else the normalised entries in order, without duplicates.
 */
public sealed interface AllowedOrigins permits AllowedOrigins.AnyOrigin, AllowedOrigins.Listed {
    /** The wire entry meaning any origin. */
    String ANY_ENTRY = "*";
    /** At most this many entries: the list is matched on every browser request. */
    int MAX_ENTRIES = 100;
    AllowedOrigins ANY = new AnyOrigin();
    AllowedOrigins NONE = new Listed(List.of());

    /** Whether a request whose {@code Origin} header is {@code origin} may read the response. */
    boolean allows(String origin);

    /** The wire/stored form. */
    List<String> entries();

    /**
     * The setting {@code entries} describe; IllegalArgumentException naming every bad entry: not an
     * http(s) origin (a path, a query, user info, another scheme), a misplaced wildcard, {@code null},
     * or {@code *} with other entries.
     */
    static AllowedOrigins parse(List<String> entries) {
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("allowed_origins: at most " + MAX_ENTRIES + " entries, got " + entries.size());
        }
        if (entries.contains(ANY_ENTRY)) {
            if (entries.size() == 1) {
                return ANY;
            }
            throw new IllegalArgumentException("allowed_origins: '*' (any origin) must be the only entry");
        }
        Set<OriginPattern> patterns = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (String entry : entries) {
            try {
                patterns.add(OriginPattern.parse(entry == null ? "null" : entry));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("allowed_origins: " + String.join("; ", problems));
        }
        return new Listed(List.copyOf(patterns));
    }

    /** Every origin, echoed as sent; an origin of any scheme (an app shell's {@code capacitor://localhost}) or {@code null}. */
    record AnyOrigin() implements AllowedOrigins {
        /** A serialised origin of any scheme, or {@code null}: what a browser puts in {@code Origin}. */
        private static final Pattern SERIALISED = Pattern.compile("null|[A-Za-z][A-Za-z0-9+.-]*://[^\\s/?#,]+");

        @Override
        public boolean allows(String origin) {
            return SERIALISED.matcher(origin).matches();
        }

        @Override
        public List<String> entries() {
            return List.of(ANY_ENTRY);
        }
    }

    /** Only origins matching one of {@code patterns}; none when empty. */
    record Listed(List<OriginPattern> patterns) implements AllowedOrigins {
        public Listed {
            patterns = List.copyOf(patterns);
        }

        @Override
        public boolean allows(String origin) {
            if (patterns.isEmpty()) {
                return false;
            }
            return Origin.fromHeader(origin).map(o -> patterns.stream().anyMatch(p -> p.matches(o))).orElse(false);
        }

        @Override
        public List<String> entries() {
            return patterns.stream().map(OriginPattern::toString).toList();
        }
    }
}
