package dev.atrium.store.jdbc;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * What differs between SQLite and PostgreSQL, and nothing else: migration folder, how a unique
 * violation and an unreachable database look, where guest admission buckets live. SQL text is
 * shared wherever both accept it ({@code ON CONFLICT DO NOTHING}, partial indexes and booleans
 * bound as parameters).
 */
public enum Dialect {
    SQLITE("db/sqlite"),
    POSTGRESQL("db/postgresql");

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_CONSTRAINT = 19;

    private final String migrations;

    Dialect(String migrations) {
        this.migrations = migrations;
    }

    /** The Flyway location of this dialect's forward-only migrations. */
    public String migrationLocation() {
        return "classpath:" + migrations;
    }

    /** Whether {@code e} is a unique/primary-key violation (the write lost a race or repeats a key). */
    boolean isUniqueViolation(SQLException e) {
        return switch (this) {
            case SQLITE -> (e.getErrorCode() & 0xff) == SQLITE_CONSTRAINT
                    && e.getMessage() != null && e.getMessage().contains("UNIQUE")
                    || e.getMessage() != null && e.getMessage().contains("PRIMARYKEY");
            case POSTGRESQL -> "23505".equals(e.getSQLState());
        };
    }

    /**
     * Whether guest admission buckets live in the database, checked by the sign-up statement
     * itself ({@link GuestSignupSql}): where several nodes share the database. SQLite is one
     * node's file, so its buckets stay in that process's memory.
     */
    boolean sharesGuestBuckets() {
        return this == POSTGRESQL;
    }

    /**
     * Whether {@code e} means "the database is not reachable or not answering now" rather than a
     * bug: connection failures, pool timeouts, shutdowns, SQLite's busy file. These become 503.
     */
    boolean isUnavailable(SQLException e) {
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = e.getSQLState();
        return switch (this) {
            case SQLITE -> (e.getErrorCode() & 0xff) == SQLITE_BUSY;
            case POSTGRESQL -> state != null && (state.startsWith("08") || state.startsWith("57P")
                    || state.startsWith("53") || state.equals("40001") || state.equals("40P01"));
        };
    }
}
