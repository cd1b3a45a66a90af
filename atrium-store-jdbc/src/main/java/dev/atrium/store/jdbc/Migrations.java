package dev.atrium.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Forward-only schema migrations per dialect, with Flyway (docs/stores.md, Migrations). Run at every start and by
 * {@code atrium migrate}; Flyway's own lock makes concurrent runs from several nodes safe.
 *
 * <p>When the history already ends at {@link #LATEST}, Flyway is not started at all: loading and
 * validating it costs ~0.6 s of a ~1.5 s start (docs/performance.md), for a one-row answer. A test holds
 * {@link #LATEST} to the newest script of each dialect.
 */
public final class Migrations {
    /** The newest migration version shipped (V{LATEST}__*.sql in every dialect's folder). */
    public static final int LATEST = 11;

    private Migrations() {}

    /** Applies pending migrations; returns how many ran (0 when the schema was current). */
    public static int migrate(Database db, String schema) {
        if (isCurrent(db)) {
            return 0;
        }
        var config = Flyway.configure()
                .dataSource(db.migrationSource())
                .locations(db.dialect().migrationLocation())
                .failOnMissingLocations(true)
                .loggers("slf4j");
        if (schema != null) {
            config.schemas(schema).defaultSchema(schema);
        }
        MigrateResult result = config.load().migrate();
        return result.migrationsExecuted;
    }

    /** Whether Flyway's history says the last successful migration is {@link #LATEST}; false on any doubt. */
    static boolean isCurrent(Database db) {
        try (Connection c = db.migrationSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history "
                     + "WHERE version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() && rs.getBoolean(2) && String.valueOf(LATEST).equals(rs.getString(1));
        } catch (SQLException e) {
            return false; // no history yet (empty database): Flyway creates it
        }
    }
}
