package dev.atrium.server.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Typed reads of the merged values, each adding a problem instead of throwing. */
record ConfigFields(Map<String, String> v, List<String> problems) {
    String string(String key, String fallback) {
        String s = v.get(key);
        if (s != null && s.isBlank()) {
            problems.add(key + ": must not be empty");
        }
        return s == null || s.isBlank() ? fallback : s;
    }

    int integer(String key, int fallback, int min, int max) {
        String s = v.get(key);
        if (s == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(s.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(key + ": '" + s + "' is not an integer in " + min + ".." + max);
        return fallback;
    }

    boolean bool(String key, boolean fallback) {
        String s = v.get(key);
        if (s == null) {
            return fallback;
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problems.add(key + ": '" + s + "' must be true or false");
                yield fallback;
            }
        };
    }

    Duration duration(String key, Duration fallback, Duration min, Duration max) {
        String s = v.get(key);
        if (s == null) {
            return fallback;
        }
        try {
            Duration d = Durations.parse(s);
            if (d.compareTo(min) >= 0 && d.compareTo(max) <= 0) {
                return d;
            }
            problems.add(key + ": " + s + " is outside " + min + ".." + max);
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
        }
        return fallback;
    }

    String url(String key) {
        String s = v.get(key);
        if (s == null) {
            return null;
        }
        try {
            URI u = URI.create(s.trim());
            boolean http = "http".equals(u.getScheme()) || "https".equals(u.getScheme());
            boolean bare = u.getHost() != null && (u.getPath() == null || u.getPath().isEmpty())
                    && u.getQuery() == null && u.getFragment() == null;
            if (http && bare) {
                return s.trim();
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        problems.add(key + ": '" + s + "' must be scheme://host[:port] with http or https and no path (docs/client-api.md, Location)");
        return null;
    }

    String storeUrl(String key) {
        String s = v.get(key);
        if (s == null) {
            return null;
        }
        String l = s.toLowerCase(Locale.ROOT);
        if (l.startsWith("sqlite:") || l.startsWith("jdbc:sqlite:") || l.startsWith("postgresql://")
                || l.startsWith("postgres://") || l.startsWith("jdbc:postgresql:")) {
            return s.trim();
        }
        problems.add(key + ": must start with sqlite: or postgresql://");
        return null;
    }

    java.util.List<String> cidrs(String key) {
        String s = v.get(key);
        if (s == null || s.isBlank()) {
            return java.util.List.of();
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String part : s.split(",")) {
            String c = part.trim();
            try {
                dev.atrium.server.http.Cidr.parse(c);
                out.add(c);
            } catch (IllegalArgumentException e) {
                problems.add(key + ": '" + c + "' is not an address or CIDR (e.g. 10.0.0.0/8, ::1)");
            }
        }
        return java.util.List.copyOf(out);
    }

    String identifier(String key) {
        String s = v.get(key);
        if (s == null) {
            return null;
        }
        if (s.matches("[a-z_][a-z0-9_]{0,62}")) {
            return s;
        }
        problems.add(key + ": '" + s + "' must be a lower-case SQL identifier ([a-z_][a-z0-9_]*, at most 63)");
        return null;
    }
}
