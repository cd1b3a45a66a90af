package dev.atrium.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Locale;

/**
 * What differs between SQL engines, as capabilities the stores ask for instead of asking which
 * engine it is: how a store is opened, its migrations, row locking and {@code SKIP LOCKED}, whether
 * writers are serial (one sign-up writer thread), whether a statement may modify data in a CTE and
 * use {@code RETURNING} (one-statement sign-ups and sweeps), where guest admission buckets live and how their take
 * is committed ahead of the sign-up in one round trip, cross-node locks, and how failures
 * look. One class per engine ({@link SqliteDialect}, {@link PostgresDialect}); a third engine is one
 * more subclass, listed in {@link #ALL}, plus its migrations under {@code db/<name>}. SQL text is
 * shared wherever every engine accepts it ({@code ON CONFLICT DO NOTHING}, partial indexes,
 * booleans bound as parameters). docs/stores.md tells the whole story.
 */
public abstract class Dialect {
    public static final Dialect SQLITE = new SqliteDialect();
    public static final Dialect POSTGRESQL = new PostgresDialect();
    private static final List<Dialect> ALL = List.of(SQLITE, POSTGRESQL);

    Dialect() {}

    /** Every engine Atrium speaks. */
    public static List<Dialect> all() {
        return ALL;
    }

    /** The engine of a store url, or null when no engine takes it. */
    static Dialect forUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(d -> d.accepts(lower)).findFirst().orElse(null);
    }

    /** Whether this engine takes the (lower-cased) store url. */
    abstract boolean accepts(String lowerCaseUrl);

    /** The engine's short name: the migration folder {@code db/<name>} and the log's word for it. */
    public abstract String name();

    /** The Flyway location of this engine's forward-only migrations. */
    public String migrationLocation() {
        return "classpath:db/" + name();
    }

    /** Opens the connection pools of a store of this engine. */
    abstract Database open(JdbcSettings settings);

    /** Whether {@code e} is a unique/primary-key violation (the write lost a race or repeats a key). */
    abstract boolean isUniqueViolation(SQLException e);

    /**
     * Whether {@code e} means "the database is not reachable or not answering now" rather than a
     * bug: connection failures, pool timeouts, shutdowns, a busy file. These become 503.
     */
    boolean isUnavailable(SQLException e) {
        return e instanceof SQLTransientException || e instanceof SQLRecoverableException || isBusy(e);
    }

    /** The engine's own ways of saying "not now" ({@link #isUnavailable}). */
    abstract boolean isBusy(SQLException e);

    /**
     * Whether guest admission buckets live in the database, taken by the sign-up statement itself
     * ({@link GuestSignupSql}): where several nodes share it. A one-node engine keeps them in that
     * process's memory.
     */
    abstract boolean sharesGuestBuckets();

    /**
     * One text that runs {@code first} in a transaction of its own, committed, then {@code then}
     * in autocommit, sent in one round trip: the shared guest buckets' take, whose row locks are
     * released before the sign-up's commit ({@link GuestSignupSql}). Only where
     * {@link #sharesGuestBuckets}.
     */
    abstract String committedBefore(String first, String then);

    /** Ends a transaction a failed {@link #committedBefore} text left open on {@code c}, so the pool gets it back clean. */
    abstract void endFailedTransaction(Connection c);

    /**
     * Whether the engine runs one write transaction at a time. Then a read-then-write in a
     * transaction needs no row lock, and more than one sign-up writer thread would only queue.
     */
    public abstract boolean serialWriters();

    /** How many threads write sign-up batches. */
    int signupWriters() {
        return serialWriters() ? 1 : 4;
    }

    /**
     * Whether the database is a file the store opens itself ({@link JdbcSettings#sqliteFile}), made
     * when missing, rather than a server: a command that must not make a store checks the file first.
     */
    public abstract boolean embeddedFile();

    /**
     * How many rows one statement of a bulk write should carry: an
     * embedded engine pays nothing per statement but parsing, which grows with its length, so one
     * short statement prepared once and run per row is cheapest; a server pays a round trip and a
     * plan per statement, so many rows a statement are. Used by the import's batches ({@link Chunks}).
     */
    public abstract int rowsPerStatement();

    /** Whether one statement may insert or delete in CTEs and {@code RETURNING} rows: atomic on its own, one round trip. */
    public abstract boolean dataModifyingCtes();

    /** The suffix that locks the rows a {@code SELECT} in a write transaction reads, until commit ("" when writers are serial). */
    abstract String forUpdate();

    /** The suffix that locks the rows picked for work and skips those another node holds ("" when writers are serial). */
    abstract String forUpdateSkipLocked();

    /** Locks row {@code id} of {@code table} until the transaction ends (nothing when writers are serial). */
    abstract void lockRow(Connection c, String table, String id) throws SQLException;

    /** Serialises a whole-store change across nodes until the transaction ends (nothing when writers are serial). */
    abstract void lockAcrossNodes(Connection c, long key) throws SQLException;

    /** Whether deleted and overwritten content is zeroed where the engine keeps free pages in its file. */
    abstract void secureDelete(Connection c, boolean on) throws SQLException;

    /**
     * Brings the planner's statistics of {@code tables} up to date after a bulk write: a planner that
     * still believes a table empty (its statistics from before the write; no autovacuum has run
     * yet) may read a million rows to find a few (nothing where the planner keeps no statistics).
     */
    abstract void refreshStatistics(Connection c, java.util.List<String> tables) throws SQLException;

    /** Drops older copies of pages the engine keeps in a log beside its file (nothing when it keeps none). */
    abstract void truncateLog(Database db);

    /**
     * The lower-case e-mail in an identity's provider data, null when it has none: exactly the
     * expression the {@code identities_by_email} index of this engine's migration holds, so a
     * range on it is an index scan (docs/stores.md, "Finding users"). {@code alias} names the
     * {@code identities} table.
     */
    abstract String identityEmail(String alias);

    /**
     * A condition that {@code column} is one of the values {@code subquery} selects, written so
     * that the engine computes the subquery first and looks the rows up by it, rather than scanning
     * the outer table in the order asked and testing each row (a plan a LIMIT tempts PostgreSQL's
     * planner into when it cannot estimate the subquery).
     */
    abstract String amongSelected(String column, String subquery);

    @Override
    public String toString() {
        return name();
    }
}
