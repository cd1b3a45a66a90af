package dev.atrium.client.testing;

import dev.atrium.store.jdbc.JdbcSettings;
import dev.atrium.store.tck.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * The database a test server runs on: a SQLite file in the test's directory, or a schema of its
 * own ({@code atrium_sdk_<random>}) on the tests' PostgreSQL ({@link TestPostgres}), dropped on
 * close. An unreachable PostgreSQL fails the test: it is never skipped.
 */
public sealed interface Backend extends AutoCloseable {

    /** The server's {@code store-url}. */
    String storeUrl();

    /** The server's {@code store-schema}; null for SQLite. */
    String schema();

    @Override
    void close();

    static Backend sqlite(Path dir) {
        return new Sqlite("sqlite:" + dir.resolve("atrium.db"));
    }

    static Backend postgres() {
        return new Postgres();
    }

    /** SQLite: the file goes with the test's temp directory. */
    record Sqlite(String storeUrl) implements Backend {
        /** The database file the store URL names. */
        public Path file() {
            return Path.of(storeUrl.substring("sqlite:".length()));
        }

        @Override
        public String schema() {
            return null;
        }

        @Override
        public void close() {}
    }

    /** PostgreSQL: a fresh schema, created by the server's migrations and dropped here. */
    final class Postgres implements Backend {
        private final String url;
        private final String schema = "atrium_sdk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

        Postgres() {
            url = TestPostgres.url();
            try (Connection c = connect()) {
                c.isValid(2);
            } catch (SQLException e) {
                throw new AssertionError("this test needs PostgreSQL at " + url + " (set ATRIUM_TEST_PG_URL): "
                        + e.getMessage(), e);
            }
        }

        @Override
        public String storeUrl() {
            return url;
        }

        @Override
        public String schema() {
            return schema;
        }

        @Override
        public void close() {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop schema " + schema + ": " + e.getMessage(), e);
            }
        }

        /** Plain JDBC, outside any Atrium pool. */
        private Connection connect() throws SQLException {
            JdbcSettings.PgTarget target = JdbcSettings.postgres(url);
            Properties p = target.properties();
            p.setProperty("connectTimeout", "3");
            return DriverManager.getConnection(target.jdbcUrl(), p);
        }
    }
}
