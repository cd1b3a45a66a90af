package dev.atrium.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL: one pool for reads and writes, concurrent writers (so row locks and
 * {@code SKIP LOCKED} where several nodes pick work), data-modifying CTEs, advisory locks.
 */
final class PostgresDialect extends Dialect {

    @Override
    boolean accepts(String url) {
        return url.startsWith("postgresql://") || url.startsWith("postgres://") || url.startsWith("jdbc:postgresql:");
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    Database open(JdbcSettings settings) {
        JdbcSettings.PgTarget target = settings.postgres();
        HikariConfig config = Database.baseConfig("atrium-postgresql", settings.poolSize(), settings);
        config.setJdbcUrl(target.jdbcUrl());
        config.setUsername(target.user());
        config.setPassword(target.password());
        if (settings.schema() != null) {
            config.addDataSourceProperty("currentSchema", settings.schema());
        }
        HikariDataSource pool = new HikariDataSource(config);
        // Flyway holds a connection for its lock while migrating on another: give it its own,
        // unpooled, so a pool of one (a CLI command) cannot starve it.
        PGSimpleDataSource migrations = new PGSimpleDataSource();
        migrations.setURL(target.jdbcUrl());
        migrations.setUser(target.user());
        migrations.setPassword(target.password());
        if (settings.schema() != null) {
            migrations.setCurrentSchema(settings.schema());
        }
        return new Database(this, pool, pool, migrations, settings.redacted(), null);
    }

    @Override
    boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /** Connection exceptions (08), operator intervention such as a shutdown (57P), resources (53), serialization and deadlock. */
    @Override
    boolean isBusy(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")
                || state.equals("40001") || state.equals("40P01"));
    }

    @Override
    public boolean embeddedFile() {
        return false;
    }

    @Override
    public boolean serialWriters() {
        return false;
    }

    @Override
    public boolean dataModifyingCtes() {
        return true;
    }

    @Override
    String forUpdate() {
        return " FOR UPDATE";
    }

    @Override
    String forUpdateSkipLocked() {
        return " FOR UPDATE SKIP LOCKED";
    }

    @Override
    void lockRow(Connection c, String table, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table + " WHERE id = ?" + forUpdate())) {
            ps.setString(1, id);
            ps.executeQuery().close();
        }
    }

    @Override
    void lockAcrossNodes(Connection c, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, key);
            ps.executeQuery().close();
        }
    }

    /** PostgreSQL keeps old row versions until VACUUM; nothing to switch per connection. */
    @Override
    void secureDelete(Connection c, boolean on) {}

    @Override
    void truncateLog(Database db) {}
}
