package dev.atrium.store.jdbc;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V11 over a SQLite store written at V10 ({@link MigrationV11}). */
class MigrationV11Test {
    @TempDir
    Path dir;

    @Test
    void aStoreAtV10WithGuestsLinkedUsersAndSessionsReadsTheSameAfterV11() throws Exception {
        MigrationV11.run(new JdbcSettings("sqlite:" + dir.resolve("v10.db"), 2, Duration.ofSeconds(2), null));
    }
}
