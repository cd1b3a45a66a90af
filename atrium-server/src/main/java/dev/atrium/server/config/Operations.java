package dev.atrium.server.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * What operators run Atrium with besides its features: logs, the management listener, the
 * shutdown drain and tracing. Part of {@link AtriumConfig}; every field has a default that keeps
 * a plain {@code atrium serve} as it was.
 *
 * @param logs the log format, the access log and the level
 * @param management where {@code /metrics} and {@code /health/*} are served instead of the public
 *     port; null keeps them on the public port
 * @param shutdown how SIGTERM/SIGINT drain the server
 * @param tracing OpenTelemetry traces; {@link Tracing#OFF} when no OTLP endpoint is set
 */
public record Operations(Logs logs, Listener management, Shutdown shutdown, Tracing tracing) {
    public static final Operations DEFAULTS = new Operations(Logs.DEFAULTS, null, Shutdown.DEFAULTS, Tracing.OFF);

    /**
     * @param format text (default) or json
     * @param accessLog one line per request (logger {@code atrium.access}) when true
     * @param level the java.util.logging level of everything (default INFO)
     */
    public record Logs(LogFormat format, boolean accessLog, java.util.logging.Level level) {
        public static final Logs DEFAULTS = new Logs(LogFormat.TEXT, false, java.util.logging.Level.INFO);

        /** java.util.logging's level names, and the ones other loggers use (ERROR, WARN, DEBUG, TRACE). */
        public static java.util.Optional<java.util.logging.Level> level(String name) {
            return java.util.Optional.ofNullable(switch (name.trim().toUpperCase(java.util.Locale.ROOT)) {
                case "ERROR", "SEVERE" -> java.util.logging.Level.SEVERE;
                case "WARN", "WARNING" -> java.util.logging.Level.WARNING;
                case "INFO" -> java.util.logging.Level.INFO;
                case "CONFIG" -> java.util.logging.Level.CONFIG;
                case "DEBUG", "FINE" -> java.util.logging.Level.FINE;
                case "FINER" -> java.util.logging.Level.FINER;
                case "TRACE", "FINEST" -> java.util.logging.Level.FINEST;
                case "ALL" -> java.util.logging.Level.ALL;
                case "OFF" -> java.util.logging.Level.OFF;
                default -> null;
            });
        }
    }

    /** A second HTTP listener: host and port (0 = any free port). */
    public record Listener(String host, int port) {}

    /**
     * @param gracePeriod how long requests in flight (and background work) get to finish once the
     *     listener is closed; past it they are cut (default 20 s)
     * @param delay how long the node keeps serving with {@code /health/ready} at 503 before it closes
     *     its listener, so a balancer polling readiness stops sending first (default 0)
     */
    public record Shutdown(Duration gracePeriod, Duration delay) {
        public static final Shutdown DEFAULTS = new Shutdown(Duration.ofSeconds(20), Duration.ZERO);
    }

    /**
     * @param otlpEndpoint the OTLP/HTTP (protobuf) collector base URL, e.g. {@code http://collector:4318};
     *     spans go to {@code <endpoint>/v1/traces}. Null: tracing off, no span is ever made
     * @param headers extra headers of every export (e.g. a collector's API key)
     * @param sampleRatio the share of new traces recorded (a caller's sampled flag wins), 0..1
     */
    public record Tracing(URI otlpEndpoint, Map<String, String> headers, double sampleRatio) {
        public static final Tracing OFF = new Tracing(null, Map.of(), 1.0);

        public Tracing {
            headers = Map.copyOf(headers);
        }

        public boolean enabled() {
            return otlpEndpoint != null;
        }

        /** Headers are credentials: never printed. */
        @Override
        public String toString() {
            return "Tracing[otlpEndpoint=" + otlpEndpoint + ", headers=" + headers.keySet() + ", sampleRatio=" + sampleRatio + "]";
        }
    }
}
