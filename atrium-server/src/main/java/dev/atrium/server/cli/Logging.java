package dev.atrium.server.cli;

import dev.atrium.server.config.LogFormat;
import dev.atrium.server.config.Operations;
import dev.atrium.server.logs.JsonLogFormatter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Logs on stderr through java.util.logging, which Helidon (System.Logger), HikariCP and Flyway
 * (slf4j-jdk14) all end up in: one line of text by default, or one JSON object per line
 * ({@code log-format=json}, {@link JsonLogFormatter}). {@link #configure} runs first, from the
 * environment alone ({@code ATRIUM_LOG_LEVEL}), so that even a configuration error is logged;
 * {@link #apply} then sets what the loaded configuration says.
 */
public final class Logging {
    private static volatile boolean installed;

    private Logging() {}

    /** The process's logging, before any configuration is read (the entry point calls it). */
    public static void configure() {
        String level = System.getenv().getOrDefault("ATRIUM_LOG_LEVEL", "INFO");
        read(Operations.Logs.level(level).orElse(java.util.logging.Level.INFO).getName()); // a bad name: reported by the config
        installed = true;
    }

    /**
     * Sets the configured format and level. Does nothing unless {@link #configure} ran: commands
     * run in a test's JVM leave that JVM's logging alone.
     */
    public static void apply(Operations.Logs logs) {
        if (!installed) {
            return;
        }
        read(logs.level().getName());
        if (logs.format() == LogFormat.JSON) {
            for (Handler h : Logger.getLogger("").getHandlers()) {
                h.setFormatter(new JsonLogFormatter());
            }
        }
    }

    private static void read(String level) {
        String props = String.join("\n",
                "handlers=java.util.logging.ConsoleHandler",
                ".level=" + level,
                "java.util.logging.ConsoleHandler.level=ALL",
                "java.util.logging.SimpleFormatter.format=%1$tFT%1$tT.%1$tLZ %4$-7s %3$s: %5$s%6$s%n",
                // Helidon prints its feature list and every listener at INFO; keep start-up output to ours.
                "io.helidon.level=WARNING",
                "com.zaxxer.hikari.level=WARNING",
                "org.flywaydb.level=WARNING",
                // Traces that would carry secrets at DEBUG: request and answer bytes and headers of webhook
                // and JWKS calls (tokens, signatures), SMTP and database protocol exchanges (credentials).
                "org.apache.hc.client5.http.wire.level=OFF",
                "org.apache.hc.client5.http.headers.level=OFF",
                "org.eclipse.angus.mail.level=INFO",
                "jakarta.mail.level=INFO",
                "org.postgresql.level=INFO",
                "");
        try {
            LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(props.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
