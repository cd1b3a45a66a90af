package dev.atrium.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;
import picocli.CommandLine;

/** Entry point of atrium-bench.jar ({@code ./atrium bench …}). */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) {
        quietLibraries();
        System.exit(new CommandLine(new BenchCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    /** Flyway and HikariCP log every baseline migration at INFO; the report is the output here. */
    private static void quietLibraries() {
        String props = "handlers=java.util.logging.ConsoleHandler\n.level=WARNING\n";
        try {
            LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(props.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
