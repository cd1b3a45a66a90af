package dev.atrium.server.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * A PostgreSQL schema of a test's own ({@code atrium_it_<random>}) on the server of
 * {@code ATRIUM_TEST_PG_URL} (default {@code postgresql://postgres@127.0.0.1:5432/test}); the
 * migrations create it, {@link #close()} drops it. An unreachable server fails the test loudly.
 */
public final class PgSchema implements AutoCloseable {
    public static final String DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test";
    public final String url;
    public final String name = "atrium_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    public PgSchema() {
        String env = System.getenv("ATRIUM_TEST_PG_URL");
        url = env == null || env.isBlank() ? DEFAULT_URL : env.trim();
        try (Connection c = connect()) {
            c.isValid(2);
        } catch (SQLException e) {
            throw new AssertionError("this test needs PostgreSQL at " + url + " (set ATRIUM_TEST_PG_URL): " + e.getMessage(), e);
        }
    }

    /** A plain JDBC connection (outside any Atrium pool) with the schema on the search path. */
    public Connection connect() throws SQLException {
        java.net.URI u = java.net.URI.create(url.replaceFirst("^postgres(ql)?://", "postgresql://"));
        Properties p = new Properties();
        if (u.getUserInfo() != null) {
            String[] parts = u.getUserInfo().split(":", 2);
            p.setProperty("user", parts[0]);
            if (parts.length > 1) {
                p.setProperty("password", parts[1]);
            }
        }
        p.setProperty("currentSchema", name);
        p.setProperty("connectTimeout", "3");
        String port = u.getPort() > 0 ? ":" + u.getPort() : "";
        return DriverManager.getConnection("jdbc:postgresql://" + u.getHost() + port + u.getPath(), p);
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
