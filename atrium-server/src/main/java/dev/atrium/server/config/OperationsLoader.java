package dev.atrium.server.config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/** Reads the {@link Operations} keys (logs, management listener, shutdown, tracing) for {@link ConfigLoader}. */
final class OperationsLoader {
    static final List<String> KEYS = List.of("log-format", "access-log", "log-level", "management-port", "management-host",
            "shutdown-grace-period", "shutdown-delay", "otlp-endpoint", "otlp-headers", "trace-sample-ratio");

    private OperationsLoader() {}

    static Operations read(ConfigFields f, String host) {
        Operations.Logs logs = new Operations.Logs(format(f), f.bool("access-log", false), level(f));
        Operations.Listener management = null;
        if (f.v().get("management-port") != null) {
            management = new Operations.Listener(f.string("management-host", host), f.integer("management-port", 0, 0, 65535));
        } else if (f.v().get("management-host") != null) {
            f.problems().add("management-host: needs management-port");
        }
        Operations.Shutdown shutdown = new Operations.Shutdown(
                f.duration("shutdown-grace-period", Operations.Shutdown.DEFAULTS.gracePeriod(), Duration.ZERO, Duration.ofMinutes(10)),
                f.duration("shutdown-delay", Operations.Shutdown.DEFAULTS.delay(), Duration.ZERO, Duration.ofMinutes(5)));
        return new Operations(logs, management, shutdown, tracing(f));
    }

    private static LogFormat format(ConfigFields f) {
        String value = f.string("log-format", "text");
        return LogFormat.parse(value).orElseGet(() -> {
            f.problems().add("log-format: '" + value + "' must be text or json");
            return LogFormat.TEXT;
        });
    }

    private static Level level(ConfigFields f) {
        String value = f.string("log-level", "INFO");
        return Operations.Logs.level(value).orElseGet(() -> {
            f.problems().add("log-level: '" + value + "' must be ERROR, WARN, INFO, DEBUG or TRACE");
            return Level.INFO;
        });
    }

    private static Operations.Tracing tracing(ConfigFields f) {
        String endpoint = f.v().get("otlp-endpoint");
        Map<String, String> headers = headers(f);
        double ratio = ratio(f);
        if (endpoint == null || endpoint.isBlank()) {
            if (!headers.isEmpty()) {
                f.problems().add("otlp-headers: needs otlp-endpoint");
            }
            return new Operations.Tracing(null, Map.of(), ratio);
        }
        try {
            URI u = URI.create(endpoint.trim().replaceAll("/+$", ""));
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null && u.getQuery() == null) {
                return new Operations.Tracing(u, headers, ratio);
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        f.problems().add("otlp-endpoint: '" + endpoint + "' must be an http(s) URL such as http://collector:4318");
        return Operations.Tracing.OFF;
    }

    /** {@code name=value,name=value}; the values are credentials, so a problem never repeats them. */
    private static Map<String, String> headers(ConfigFields f) {
        String s = f.v().get("otlp-headers");
        Map<String, String> out = new LinkedHashMap<>();
        if (s == null || s.isBlank()) {
            return out;
        }
        for (String pair : s.split(",")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair.trim() : pair.substring(0, eq).trim();
            if (eq < 1 || !name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
                f.problems().add("otlp-headers: each entry must be name=value (entry " + (out.size() + 1) + " is not)");
                return Map.of();
            }
            out.put(name, pair.substring(eq + 1).trim());
        }
        return out;
    }

    private static double ratio(ConfigFields f) {
        String s = f.v().get("trace-sample-ratio");
        if (s == null) {
            return 1.0;
        }
        try {
            double r = Double.parseDouble(s.trim());
            if (r >= 0 && r <= 1) {
                return r;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        f.problems().add("trace-sample-ratio: '" + s + "' must be a number in 0..1");
        return 1.0;
    }
}
