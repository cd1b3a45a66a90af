package dev.atrium.store.jdbc;

import dev.atrium.core.store.AtriumStore;
import dev.atrium.store.tck.SecretsAtRestContract;
import dev.atrium.store.tck.StoreContracts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** Every store contract against SQLite: a fresh database file per test, in a temporary directory. */
class SqliteStoreTest extends StoreContracts {
    private static final AtomicInteger FILES = new AtomicInteger();

    @TempDir
    static Path dir;

    /** The file of the store the current test opened. */
    private static Path current;

    @Override
    protected AtriumStore newStore() {
        return open();
    }

    private static AtriumStore open() {
        current = dir.resolve("atrium-" + FILES.incrementAndGet() + ".db");
        return JdbcStore.open(new JdbcSettings("sqlite:" + current, 4, Duration.ofSeconds(10), null), TestKeys.KEY);
    }

    /** The bytes of the database file and its write-ahead log, as the attacker reading them sees them. */
    static String fileBytes(Path db) {
        StringBuilder text = new StringBuilder();
        for (Path f : new Path[] {db, Path.of(db + "-wal")}) {
            try {
                if (java.nio.file.Files.exists(f)) {
                    text.append(new String(java.nio.file.Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return text.toString();
    }

    @Nested
    class SecretsAtRest extends SecretsAtRestContract {
        @Override
        protected AtriumStore newStore() {
            return open();
        }

        @Override
        protected String storedText() {
            return fileBytes(current);
        }
    }
}
