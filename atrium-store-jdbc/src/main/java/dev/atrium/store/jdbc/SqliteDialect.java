package dev.atrium.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.atrium.core.kernel.StoreUnavailableException;
import dev.atrium.store.jdbc.secrets.OwnerOnlyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite: one file in WAL mode. It allows one writer at a time, so writes go through a pool of
 * exactly one connection whose transactions start {@code IMMEDIATE}: in-process writers queue on
 * the pool instead of failing with SQLITE_BUSY on lock upgrade, and another process (the CLI) is
 * waited for by {@code busy_timeout}. Reads use their own pool and, thanks to WAL, never wait for
 * the writer. Serial writers need no row locks; there are no data-modifying CTEs.
 */
final class SqliteDialect extends Dialect {
    private static final int BUSY_TIMEOUT_MS = 5_000;
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_CONSTRAINT = 19;

    @Override
    boolean accepts(String url) {
        return url.startsWith("sqlite:") || url.startsWith("jdbc:sqlite:");
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    Database open(JdbcSettings settings) {
        Path file = settings.sqliteFile().toAbsolutePath();
        ownerOnly(file);
        String url = "jdbc:sqlite:" + file;
        HikariDataSource writer = Database.pool("atrium-sqlite-writer", dataSource(url, true), 1, settings,
                "PRAGMA wal_autocheckpoint=0"); // see Checkpointer: commits never pay for a checkpoint
        HikariDataSource reader = Database.pool("atrium-sqlite-reader", dataSource(url, false), settings.poolSize(),
                settings, null);
        return new Database(this, writer, reader, dataSource(url, true), "sqlite:" + file, new Checkpointer(reader));
    }

    /**
     * The database file is made 0600 before SQLite first opens it, and SQLite gives its {@code -wal}
     * and {@code -shm} files the main file's mode whatever the umask (its unix VFS copies it), so
     * none is ever readable by others; files of an older start that are wider are narrowed, and a
     * directory this creates is 0700. An existing directory is left as it is: it may be shared
     * (the data directory itself is narrowed by the server, which owns it).
     */
    private static void ownerOnly(Path file) {
        try {
            if (!Files.isDirectory(file.getParent())) {
                OwnerOnlyFiles.directory(file.getParent());
            }
            OwnerOnlyFiles.file(file);
            OwnerOnlyFiles.narrowIfExists(Path.of(file + "-wal"));
            OwnerOnlyFiles.narrowIfExists(Path.of(file + "-shm"));
            OwnerOnlyFiles.narrowIfExists(Path.of(file + "-journal"));
        } catch (java.io.UncheckedIOException e) {
            throw new StoreUnavailableException(e.getMessage(), e);
        }
    }

    private static SQLiteDataSource dataSource(String url, boolean immediate) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL mode is durable against application crashes; an OS crash may lose the last
        // transactions but never corrupts the file (sqlite.org/pragma.html#pragma_synchronous).
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        if (immediate) {
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl(url);
        return ds;
    }

    @Override
    boolean isUniqueViolation(SQLException e) {
        String message = e.getMessage();
        return message != null && ((e.getErrorCode() & 0xff) == SQLITE_CONSTRAINT && message.contains("UNIQUE")
                || message.contains("PRIMARYKEY"));
    }

    @Override
    boolean isBusy(SQLException e) {
        return (e.getErrorCode() & 0xff) == SQLITE_BUSY;
    }

    @Override
    public boolean embeddedFile() {
        return true;
    }

    @Override
    boolean sharesGuestBuckets() {
        return false;
    }

    @Override
    public boolean serialWriters() {
        return true;
    }

    /** No round trip: one short statement, prepared once, run per row. */
    @Override
    public int rowsPerStatement() {
        return 1;
    }

    @Override
    String committedBefore(String first, String then) {
        throw new UnsupportedOperationException("guest buckets are not shared on SQLite: they live in the process's memory");
    }

    @Override
    void endFailedTransaction(Connection c) {
        throw new UnsupportedOperationException("guest buckets are not shared on SQLite: they live in the process's memory");
    }

    @Override
    public boolean dataModifyingCtes() {
        return false;
    }

    @Override
    String forUpdate() {
        return "";
    }

    @Override
    String forUpdateSkipLocked() {
        return "";
    }

    @Override
    void lockRow(Connection c, String table, String id) {}

    @Override
    void lockAcrossNodes(Connection c, long key) {}

    /** While on, deleted and overwritten content is zeroed in the file (sqlite.org/pragma.html#pragma_secure_delete). */
    @Override
    void secureDelete(Connection c, boolean on) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA secure_delete = " + (on ? "ON" : "OFF"));
        }
    }

    /** Nothing: without ANALYZE's tables SQLite's planner takes an index whenever one fits, as these lookups want. */
    @Override
    void refreshStatistics(Connection c, java.util.List<String> tables) {}

    /** Moves the WAL into the file and empties it, so no older page stays in it. */
    @Override
    void truncateLog(Database db) {
        db.read(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return null;
        });
    }

    /** json_extract decodes the JSON; SQLite's lower() folds ASCII letters only (local-userpass stores e-mails lower-cased already). */
    @Override
    String identityEmail(String alias) {
        return "lower(json_extract(" + alias + ".provider_data, '$.email'))";
    }

    /** SQLite evaluates an IN subquery once into a list and looks the outer rows up by it when the column is indexed. */
    @Override
    String amongSelected(String column, String subquery) {
        return column + " IN (" + subquery + ")";
    }
}
