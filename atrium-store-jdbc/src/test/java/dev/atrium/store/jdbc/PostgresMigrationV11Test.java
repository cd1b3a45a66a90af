package dev.atrium.store.jdbc;

import dev.atrium.store.tck.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** V11 over a PostgreSQL store written at V10 ({@link MigrationV11}), in a schema of its own, dropped after. */
@Tag("postgres")
class PostgresMigrationV11Test {
    @Test
    void aStoreAtV10WithGuestsLinkedUsersAndSessionsReadsTheSameAfterV11() throws Exception {
        String schema = "atrium_test_" + UUID.randomUUID().toString().replace("-", "");
        JdbcSettings settings = new JdbcSettings(TestPostgres.url(), 2, Duration.ofSeconds(10), schema);
        try {
            MigrationV11.run(settings);
        } finally {
            JdbcSettings.PgTarget target = settings.postgres();
            try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.properties()); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
