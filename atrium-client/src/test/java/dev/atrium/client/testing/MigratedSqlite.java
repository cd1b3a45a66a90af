package dev.atrium.client.testing;

import dev.atrium.server.app.Stores;
import dev.atrium.server.config.AtriumConfig;
import dev.atrium.store.jdbc.secrets.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The files of a new SQLite store (database and master key), made once per test JVM by the server's
 * own opening path. A test server's data directory gets a copy before its first start instead of
 * running every migration again (Flyway, the bulk of a test server's start); the server that opens
 * the copy meets an empty store at the current schema and makes its first app as on a new one.
 */
final class MigratedSqlite {
    private static final String STORE = "atrium.db";
    private static final String KEY = "master.key";
    private static Path made;

    private MigratedSqlite() {
    }

    /**
     * Copies the database to {@code storeFile} and the master key into {@code dataDir} unless either
     * exists already (a restart over the same data).
     */
    static void copyInto(Path storeFile, Path dataDir) {
        Path key = dataDir.resolve(KEY);
        if (Files.exists(storeFile) || Files.exists(key)) {
            return;
        }
        try {
            Path from = made();
            Files.createDirectories(storeFile.toAbsolutePath().getParent());
            OwnerOnlyFiles.directory(dataDir); // 0700, as the server makes it: nothing for it to narrow
            Files.copy(from.resolve(STORE), storeFile, StandardCopyOption.COPY_ATTRIBUTES);
            Files.copy(from.resolve(KEY), key, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path made() throws IOException {
        if (made == null) {
            Path dir = Files.createTempDirectory("atrium-sdk-store");
            AtriumConfig config = new AtriumConfig("127.0.0.1", 0, null, dir, "sqlite:" + dir.resolve(STORE), 1,
                    java.time.Duration.ofSeconds(10), null, java.time.Duration.ZERO);
            Stores.open(config).close(); // the close checkpoints the write-ahead log into the database file
            dir.toFile().deleteOnExit();
            dir.resolve(STORE).toFile().deleteOnExit();
            dir.resolve(KEY).toFile().deleteOnExit();
            made = dir;
        }
        return made;
    }
}
