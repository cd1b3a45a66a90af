package dev.atrium.store.jdbc;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Forward-only schema migrations per dialect, with Flyway (design §5). Run at every start and by
 * {@code atrium migrate}; Flyway's own lock makes concurrent runs from several nodes safe.
 */
public final class Migrations {
    private Migrations() {}

    /** Applies pending migrations; returns how many ran. */
    public static int migrate(Database db, String schema) {
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
}
