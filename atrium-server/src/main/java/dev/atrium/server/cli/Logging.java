package dev.atrium.server.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * One-line logs on stderr through java.util.logging, which Helidon (System.Logger), HikariCP and
 * Flyway (slf4j-jdk14) all end up in. {@code ATRIUM_LOG_LEVEL} overrides the level (default INFO).
 */
public final class Logging {
    private Logging() {}

    public static void configure() {
        String level = System.getenv().getOrDefault("ATRIUM_LOG_LEVEL", "INFO");
        String props = String.join("\n",
                "handlers=java.util.logging.ConsoleHandler",
                ".level=" + level,
                "java.util.logging.ConsoleHandler.level=ALL",
                "java.util.logging.SimpleFormatter.format=%1$tFT%1$tT.%1$tLZ %4$-7s %3$s: %5$s%6$s%n",
                // Helidon prints its feature list and every listener at INFO; keep start-up output to ours.
                "io.helidon.level=WARNING",
                "com.zaxxer.hikari.level=WARNING",
                "org.flywaydb.level=WARNING",
                "");
        try {
            LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(props.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
