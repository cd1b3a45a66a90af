package dev.atrium.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.atrium.core.kernel.StoreUnavailableException;
import dev.atrium.store.jdbc.secrets.OwnerOnlyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Connections and transactions for one store. {@link #write} runs work in a transaction,
 * {@link #read} in autocommit; both translate SQL failures into the domain's terms (unique
 * violation, store unavailable, or a bug).
 *
 * <p>SQLite allows one writer at a time, so writes go through a pool of exactly one connection
 * whose transactions start {@code IMMEDIATE}: in-process writers queue on the pool instead of
 * failing with SQLITE_BUSY on lock upgrade, and another process (the CLI) is waited for by
 * {@code busy_timeout}. Reads use their own pool and, thanks to WAL, never wait for the writer.
 * PostgreSQL uses one pool for both.
 */
public final class Database implements AutoCloseable {
    private static final int SQLITE_BUSY_TIMEOUT_MS = 5_000;

    private final Dialect dialect;
    private final HikariDataSource writer;
    private final HikariDataSource reader;
    private final DataSource migrationSource;
    private final String description;
    /** SQLite only: checkpoints the WAL in the background. */
    private Checkpointer checkpointer;
    /** Refuses calls at once while the database is known to be away (PostgreSQL). */
    private final StoreBreaker breaker;

    private Database(Dialect dialect, HikariDataSource writer, HikariDataSource reader, DataSource migrationSource,
                     String description, StoreBreaker breaker) {
        this.dialect = dialect;
        this.breaker = breaker;
        this.writer = writer;
        this.reader = reader;
        this.migrationSource = migrationSource;
        this.description = description;
    }

    /** Opens the pools; throws StoreUnavailableException when the database cannot be reached. */
    public static Database open(JdbcSettings settings) {
        try {
            return settings.dialect() == Dialect.SQLITE ? openSqlite(settings) : openPostgres(settings);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new StoreUnavailableException("cannot open store " + settings.redacted() + ": " + e.getMessage(), e);
        }
    }

    private static Database openSqlite(JdbcSettings settings) {
        Path file = settings.sqliteFile().toAbsolutePath();
        ownerOnly(file);
        String url = "jdbc:sqlite:" + file;
        HikariDataSource writer = pool("atrium-sqlite-writer", sqlite(url, true), 1, settings,
                "PRAGMA wal_autocheckpoint=0"); // see Checkpointer: commits never pay for a checkpoint
        HikariDataSource reader = pool("atrium-sqlite-reader", sqlite(url, false), settings.poolSize(), settings, null);
        Database db = new Database(Dialect.SQLITE, writer, reader, sqlite(url, true), "sqlite:" + file, StoreBreaker.never());
        db.checkpointer = new Checkpointer(reader);
        return db;
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

    private static SQLiteDataSource sqlite(String url, boolean immediate) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL mode is durable against application crashes; an OS crash may lose the last
        // transactions but never corrupts the file (sqlite.org/pragma.html#pragma_synchronous).
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        if (immediate) {
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl(url);
        return ds;
    }

    private static Database openPostgres(JdbcSettings settings) {
        JdbcSettings.PgTarget target = settings.postgres();
        HikariConfig config = baseConfig("atrium-postgresql", settings.poolSize(), settings);
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
        HikariDataSource pool = new HikariDataSource(config);
        // Flyway holds a connection for its lock while migrating on another: give it its own,
        // unpooled, so a pool of one (a CLI command) cannot starve it.
        org.postgresql.ds.PGSimpleDataSource migrations = new org.postgresql.ds.PGSimpleDataSource();
        migrations.setURL(target.jdbcUrl());
        credentials(migrations, target);
        if (settings.schema() != null) {
            migrations.setCurrentSchema(settings.schema());
        }
        return new Database(Dialect.POSTGRESQL, pool, pool, migrations, settings.redacted(),
                StoreBreaker.probing("atrium-postgresql", probe(settings, target)));
    }

    /**
     * Whether a new connection, outside the pool, answers now: what the breaker asks while open.
     * Short timeouts, so a probe of an unreachable host returns before the next is due; with a
     * multi-host URL the driver's {@code targetServerType} picks the host, as for the pool.
     */
    private static java.util.function.BooleanSupplier probe(JdbcSettings settings, JdbcSettings.PgTarget target) {
        org.postgresql.ds.PGSimpleDataSource probe = new org.postgresql.ds.PGSimpleDataSource();
        probe.setURL(target.jdbcUrl());
        credentials(probe, target);
        probe.setConnectTimeout((int) Math.max(1, settings.connectionTimeout().toSeconds()));
        probe.setSocketTimeout(2);
        probe.setLoginTimeout(2);
        return () -> {
            try (Connection c = probe.getConnection(); Statement s = c.createStatement()) {
                s.execute("SELECT 1");
                return true;
            } catch (SQLException e) {
                return false;
            }
        };
    }

    /** User and password from the {@code postgresql://} form; a {@code jdbc:} URL's own {@code user=} is kept. */
    private static void credentials(org.postgresql.ds.PGSimpleDataSource ds, JdbcSettings.PgTarget target) {
        if (target.user() != null) {
            ds.setUser(target.user());
            ds.setPassword(target.password());
        }
    }

    private static HikariDataSource pool(String name, DataSource source, int size, JdbcSettings settings, String initSql) {
        HikariConfig config = baseConfig(name, size, settings);
        config.setDataSource(source);
        config.setConnectionInitSql(initSql);
        return new HikariDataSource(config);
    }

    private static HikariConfig baseConfig(String name, int size, JdbcSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(size, 2));
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setValidationTimeout(Math.min(settings.connectionTimeout().toMillis(), 1_000));
        if (settings.metricRegistry() != null) {
            config.setMetricRegistry(settings.metricRegistry());
        }
        return config;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The data source Flyway migrates through. */
    DataSource migrationSource() {
        return migrationSource;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T write(SqlWork<T> work) {
        return breaker.call(() -> {
            try (Connection c = writer.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c, e);
                    throw e;
                }
            } catch (SQLException e) {
                throw translate(e);
            }
        });
    }

    /**
     * Runs {@code work} in autocommit on a write connection: for a single statement that is atomic
     * on its own (PostgreSQL's data-modifying CTEs), saving the BEGIN/COMMIT round trip.
     */
    public <T> T autocommit(SqlWork<T> work) {
        return breaker.call(() -> {
            try (Connection c = writer.getConnection()) {
                return work.run(c);
            } catch (SQLException e) {
                throw translate(e);
            }
        });
    }

    /** Runs {@code work} in autocommit on a read connection. */
    public <T> T read(SqlWork<T> work) {
        return breaker.call(() -> {
            try (Connection c = reader.getConnection()) {
                return work.run(c);
            } catch (SQLException e) {
                throw translate(e);
            }
        });
    }

    /** Whether a trivial query answers now; false at once while the store is known to be away. */
    public boolean ping() {
        if (breaker.isOpen()) {
            return false;
        }
        try (Connection c = reader.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private RuntimeException translate(SQLException e) {
        if (dialect.isUniqueViolation(e)) {
            return new UniqueViolationException(e);
        }
        if (dialect.isUnavailable(e)) {
            return new StoreUnavailableException("store unavailable: " + e.getMessage(), e);
        }
        return new IllegalStateException("store error: " + e.getMessage(), e);
    }

    public String describe() {
        return description;
    }

    /** How long a request waits for a connection (the store's connect timeout). */
    public java.time.Duration connectionTimeout() {
        return java.time.Duration.ofMillis(writer.getConnectionTimeout());
    }

    @Override
    public void close() {
        breaker.close();
        if (checkpointer != null) {
            checkpointer.close();
        }
        writer.close();
        if (reader != writer) {
            reader.close();
        }
    }
}
