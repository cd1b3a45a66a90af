package dev.atrium.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
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
        // No idle minimum: with one, the pool's connection adder keeps trying through an outage with
        // a backoff that grows to 5 s, and the first connection after the database is back waits for
        // it (measured: 1.8 s). With none, it stops once no request waits (the breaker is open), and
        // the first request after the breaker closes starts a fresh adder, which connects at once.
        config.setMinimumIdle(0);
        config.setJdbcUrl(target.jdbcUrl());
        config.setUsername(target.user());
        config.setPassword(target.password());
        if (settings.schema() != null) {
            config.addDataSourceProperty("currentSchema", settings.schema());
        }
        // Flyway holds a connection for its lock while migrating on another: give it its own,
        // unpooled, so a pool of one (a CLI command) cannot starve it.
        PGSimpleDataSource migrations = new PGSimpleDataSource();
        migrations.setURL(target.jdbcUrl());
        credentials(migrations, target);
        if (settings.schema() != null) {
            migrations.setCurrentSchema(settings.schema());
        }
        // Hikari's own login timeout: its connection timeout plus half a second, in whole seconds.
        migrations.setLoginTimeout((int) Math.max(1, (settings.connectionTimeout().toMillis() + 500) / 1000));
        Database.firstConnection(migrations);
        HikariDataSource pool = new HikariDataSource(config);
        return new Database(this, pool, pool, migrations, settings.redacted(), null,
                StoreBreaker.probing("atrium-postgresql", probe(settings, target)));
    }

    /** User and password from the {@code postgresql://} form; a {@code jdbc:} URL's own {@code user=} is kept. */
    private static void credentials(PGSimpleDataSource ds, JdbcSettings.PgTarget target) {
        if (target.user() != null) {
            ds.setUser(target.user());
            ds.setPassword(target.password());
        }
    }

    /**
     * Whether a new connection, outside the pool, answers now: what the breaker asks while open.
     * Short timeouts, so a probe of an unreachable host returns before the next is due; with a
     * multi-host URL the driver's {@code targetServerType} picks the host, as for the pool.
     */
    private static java.util.function.BooleanSupplier probe(JdbcSettings settings, JdbcSettings.PgTarget target) {
        PGSimpleDataSource probe = new PGSimpleDataSource();
        probe.setURL(target.jdbcUrl());
        credentials(probe, target);
        probe.setConnectTimeout((int) Math.max(1, settings.connectionTimeout().toSeconds()));
        probe.setSocketTimeout(2);
        probe.setLoginTimeout(2);
        return () -> {
            try (Connection c = probe.getConnection(); java.sql.Statement s = c.createStatement()) {
                s.execute("SELECT 1");
                return true;
            } catch (SQLException e) {
                return false;
            }
        };
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
    boolean sharesGuestBuckets() {
        return true;
    }

    @Override
    public boolean serialWriters() {
        return false;
    }

    /** A round trip and a plan per statement: many rows each. */
    @Override
    public int rowsPerStatement() {
        return 200;
    }

    /** pgjdbc sends a text of several statements as one message train, one Sync: one round trip. */
    @Override
    String committedBefore(String first, String then) {
        return "BEGIN; " + first + "; COMMIT; " + then;
    }

    @Override
    void endFailedTransaction(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("ROLLBACK"); // outside a transaction only a warning
        } catch (SQLException gone) {
            // the connection is broken; the pool drops it
        }
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

    /** ANALYZE: a sample of each table, a fraction of a second even for millions of rows. */
    @Override
    void refreshStatistics(Connection c, java.util.List<String> tables) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE " + String.join(", ", tables));
        }
    }

    @Override
    void truncateLog(Database db) {}

    /**
     * Parsed as {@code json} (kept as text, unlike {@code jsonb}), in the {@code "C"} collation so
     * the index is in code point order and a prefix is a range. Provider data holding the escape
     * of U+0000 (which PostgreSQL cannot turn into text) has no e-mail here rather than making
     * its identity's insert fail.
     */
    @Override
    String identityEmail(String alias) {
        String data = alias + ".provider_data";
        return "(lower(CASE WHEN strpos(" + data + ", '\\u0000') = 0 THEN " + data + "::json ->> 'email' END) COLLATE \"C\")";
    }

    /**
     * {@code = ANY (ARRAY(subquery))}: the subquery runs once, before the outer scan, and the rows
     * are fetched by their index. A plain {@code IN} would let the planner merge-join by the outer
     * table's order and scan it whole for a rare match.
     */
    @Override
    String amongSelected(String column, String subquery) {
        return column + " = ANY (ARRAY(" + subquery + "))";
    }
}
