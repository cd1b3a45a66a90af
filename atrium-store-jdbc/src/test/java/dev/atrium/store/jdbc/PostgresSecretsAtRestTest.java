package dev.atrium.store.jdbc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;

/**
 * {@link SecretsAtRestScenarios} on PostgreSQL, where the attacker reads the rows: each test in a
 * schema of its own on the server of {@code ATRIUM_TEST_PG_URL}, dropped afterwards.
 */
@Tag("postgres")
class PostgresSecretsAtRestTest extends SecretsAtRestScenarios {
    private final List<String> schemas = new ArrayList<>();

    @Override
    JdbcSettings newStore() {
        String schema = "atrium_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        schemas.add(schema);
        return new JdbcSettings(PostgresStoreTest.url(), NODES + 2, Duration.ofSeconds(10), schema);
    }

    @Override
    String storedText(JdbcSettings store) {
        try (Database db = Database.open(store)) {
            return db.read(c -> PostgresStoreTest.rowsAsText(c, store.schema()));
        }
    }

    @AfterEach
    void dropSchemas() {
        schemas.forEach(s -> PostgresSchemas.drop(PostgresStoreTest.url(), s));
    }
}
