package dev.atrium.server.testing;

import dev.atrium.server.app.Stores;
import dev.atrium.server.config.AtriumConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A new, empty SQLite data directory (store file and master key) made once per test JVM by the
 * server's own opening path; a test server's directory starts as a copy of it. Migrating a new
 * store is a tenth of the server module's test CPU (Flyway); a copy takes a millisecond, and the
 * server that opens it meets the same empty, current schema, so its first start (first app,
 * signing key) runs as on a new store. Migrations themselves are tested by MigrationsTest.
 */
final class SqliteTemplate {
    private static final String STORE = "atrium.db";
    private static final String KEY = "master.key";
    private static Path template;

    private SqliteTemplate() {
    }

    /**
     * Copies the template into {@code config}'s data directory when the config is the default
     * layout (store and master key in the data directory) and the directory holds neither yet.
     */
    static void seed(AtriumConfig config) {
        Path dir = config.dataDir();
        boolean defaultLayout = config.masterKeyFile() == null
                && ("sqlite:" + dir.resolve(STORE)).equals(config.effectiveStoreUrl());
        if (!defaultLayout || Files.exists(dir.resolve(STORE)) || Files.exists(dir.resolve(KEY))) {
            return;
        }
        Path from = template();
        try {
            Files.createDirectories(dir);
            Files.copy(from.resolve(STORE), dir.resolve(STORE), StandardCopyOption.COPY_ATTRIBUTES);
            Files.copy(from.resolve(KEY), dir.resolve(KEY), StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path template() {
        if (template == null) {
            try {
                Path dir = Files.createTempDirectory("atrium-template");
                dir.toFile().deleteOnExit();
                // The close checkpoints the write-ahead log into the file, so the file alone is the store.
                Stores.open(TestServer.config(dir, "sqlite:" + dir.resolve(STORE))).close();
                dir.resolve(STORE).toFile().deleteOnExit();
                dir.resolve(KEY).toFile().deleteOnExit();
                template = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return template;
    }
}
