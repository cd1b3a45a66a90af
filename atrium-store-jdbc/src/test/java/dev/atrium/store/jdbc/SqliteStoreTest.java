package dev.atrium.store.jdbc;

import dev.atrium.core.store.AtriumStore;
import dev.atrium.store.tck.SecretsAtRestContract;
import dev.atrium.store.tck.StoreContracts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every store contract against SQLite: a fresh database file per test, in a temporary directory.
 * Tests share nothing else, so where JUnit's parallel execution is on (the quick loop) the
 * contracts run concurrently.
 */
@Execution(ExecutionMode.CONCURRENT)
class SqliteStoreTest extends StoreContracts {
    private static final AtomicInteger FILES = new AtomicInteger();

    @TempDir
    static Path dir;

    private static Path template;

    @Override
    protected AtriumStore newStore() {
        return open(newFile());
    }

    /** A copy of the empty store's file, under a name no other test has. */
    private static Path newFile() {
        Path file = dir.resolve("atrium-" + FILES.incrementAndGet() + ".db");
        try {
            Files.copy(template(), file, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static AtriumStore open(Path file) {
        return JdbcStore.open(settings(file), TestKeys.KEY);
    }

    /**
     * An empty store, migrated once per run: each test gets a copy of its file (a millisecond)
     * instead of migrating a new one (Flyway, ~150 ms), and meets the same empty, current schema.
     */
    private static synchronized Path template() {
        if (template == null) {
            Path file = dir.resolve("template.db");
            JdbcStore.open(settings(file), TestKeys.KEY).close(); // the close checkpoints the WAL into the file
            template = file;
        }
        return template;
    }

    private static JdbcSettings settings(Path file) {
        return new JdbcSettings("sqlite:" + file, 4, Duration.ofSeconds(10), null);
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
        /** The file of the store this test opened. */
        private Path file;

        @Override
        protected AtriumStore newStore() {
            file = newFile();
            return open(file);
        }

        @Override
        protected String storedText() {
            return fileBytes(file);
        }
    }
}
