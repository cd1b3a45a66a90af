package dev.atrium.server.testing;

import dev.atrium.store.jdbc.JdbcSettings;
import dev.atrium.store.tck.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * A PostgreSQL schema of a test's own ({@code atrium_it_<random>}) on the tests' PostgreSQL
 * ({@link TestPostgres}); the migrations create it, {@link #close()} drops it. An unreachable
 * server fails the test loudly.
 */
public final class PgSchema implements AutoCloseable {
    public final String url;
    public final String name = "atrium_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    public PgSchema() {
        url = TestPostgres.url();
        try (Connection c = connect()) {
            c.isValid(2);
        } catch (SQLException e) {
            throw new AssertionError("this test needs PostgreSQL at " + url + " (set ATRIUM_TEST_PG_URL): " + e.getMessage(), e);
        }
    }

    /** A plain JDBC connection (outside any Atrium pool) with the schema on the search path. */
    public Connection connect() throws SQLException {
        JdbcSettings.PgTarget target = JdbcSettings.postgres(url);
        Properties p = target.properties();
        p.setProperty("currentSchema", name);
        p.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(target.jdbcUrl(), p);
    }

    /** The single number a query returns. */
    public long scalar(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop schema " + name + ": " + e.getMessage(), e);
        }
    }
}
