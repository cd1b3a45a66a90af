package dev.atrium.client.testing;

import dev.atrium.server.app.Stores;
import dev.atrium.server.config.AtriumConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The files of a new SQLite store (database and master key), made once per test JVM by the server's
 * own opening path. A test server's data directory gets a copy before its first start instead of
 * running every migration again (Flyway, the bulk of a test server's start); the server that opens
 * the copy meets an empty store at the current schema and makes its first app as on a new one.
 */
final class MigratedSqlite {
    private static final List<String> FILES = List.of("atrium.db", "master.key");
    private static Path made;

    private MigratedSqlite() {
    }

    /** Copies the files into {@code dataDir} unless it holds a store already (a restart). */
    static void copyInto(Path dataDir) {
        if (FILES.stream().anyMatch(f -> Files.exists(dataDir.resolve(f)))) {
            return;
        }
        try {
            Path from = made();
            for (String f : FILES) {
                Files.copy(from.resolve(f), dataDir.resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path made() throws IOException {
        if (made == null) {
            Path dir = Files.createTempDirectory("atrium-sdk-store");
            AtriumConfig config = new AtriumConfig("127.0.0.1", 0, null, dir, "sqlite:" + dir.resolve("atrium.db"), 1,
                    java.time.Duration.ofSeconds(10), null, java.time.Duration.ZERO);
            Stores.open(config).close(); // the close checkpoints the write-ahead log into the database file
            dir.toFile().deleteOnExit();
            FILES.forEach(f -> dir.resolve(f).toFile().deleteOnExit());
            made = dir;
        }
        return made;
    }
}
