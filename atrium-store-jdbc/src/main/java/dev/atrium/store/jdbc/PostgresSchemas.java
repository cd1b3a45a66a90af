package dev.atrium.store.jdbc;

import dev.atrium.core.kernel.StoreUnavailableException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creating and dropping a PostgreSQL schema of one's own, for tooling that must own its store (the
 * bench's launched server, tests). {@link #createNew} uses a plain {@code CREATE SCHEMA}, which fails
 * when the schema exists: a caller that succeeded knows nobody else's rows are in it.
 */
public final class PostgresSchemas {
    private PostgresSchemas() {}

    /** Creates {@code schema} in the database of {@code url}; fails if it already exists. */
    public static void createNew(String url, String schema) {
        execute(url, "CREATE SCHEMA " + identifier(schema));
    }

    /** Drops {@code schema} and everything in it, if it exists. */
    public static void drop(String url, String schema) {
        execute(url, "DROP SCHEMA IF EXISTS " + identifier(schema) + " CASCADE");
    }

    private static void execute(String url, String sql) {
        JdbcSettings.PgTarget target = JdbcSettings.postgres(url);
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.properties());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new StoreUnavailableException(sql + " failed: " + e.getMessage(), e);
        }
    }

    /** Schema names come from code, never from a request; still, only plain lower-case identifiers. */
    private static String identifier(String schema) {
        if (schema == null || !schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain schema name: " + schema);
        }
        return schema;
    }
}
