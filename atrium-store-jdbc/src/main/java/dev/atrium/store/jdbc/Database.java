package dev.atrium.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.atrium.core.kernel.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Connections and transactions for one store. {@link #write} runs work in a transaction,
 * {@link #read} in autocommit; both translate SQL failures into the domain's terms (unique
 * violation, store unavailable, or a bug).
 *
 * <p>Each {@link Dialect} opens it its own way: SQLite with a one-connection writer pool beside a
 * reader pool, PostgreSQL with one pool for both.
 */
public final class Database implements AutoCloseable {
    private final Dialect dialect;
    private final HikariDataSource writer;
    private final HikariDataSource reader;
    private final DataSource migrationSource;
    private final String description;
    /** What the engine runs beside the pools (SQLite's WAL checkpoints), or null. */
    private final AutoCloseable background;
    /** Refuses calls at once while the database is known to be away (see {@link StoreBreaker}). */
    private final StoreBreaker breaker;

    Database(Dialect dialect, HikariDataSource writer, HikariDataSource reader, DataSource migrationSource,
             String description, AutoCloseable background) {
        this(dialect, writer, reader, migrationSource, description, background, StoreBreaker.never());
    }

    Database(Dialect dialect, HikariDataSource writer, HikariDataSource reader, DataSource migrationSource,
             String description, AutoCloseable background, StoreBreaker breaker) {
        this.breaker = breaker;
        this.dialect = dialect;
        this.writer = writer;
        this.reader = reader;
        this.migrationSource = migrationSource;
        this.description = description;
        this.background = background;
    }

    /** Opens the pools; throws StoreUnavailableException when the database cannot be reached. */
    public static Database open(JdbcSettings settings) {
        Dialect dialect = settings.dialect();
        try {
            return dialect.open(settings);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new StoreUnavailableException("cannot open store " + settings.redacted() + ": " + e.getMessage(), e);
        }
    }

    static HikariDataSource pool(String name, DataSource source, int size, JdbcSettings settings, String initSql) {
        HikariConfig config = baseConfig(name, size, settings);
        config.setDataSource(source);
        config.setConnectionInitSql(initSql);
        firstConnection(source);
        return new HikariDataSource(config);
    }

    /**
     * Opens and closes one connection before a pool is made, so a store that cannot be opened (a
     * file that is not a database, a refused port) fails at once: Hikari's own first attempt, when it
     * fails, sleeps a whole second before giving up ({@code HikariPool.checkFailFast}), and every
     * start and CLI command against a wrong store would wait for it. The message stays Hikari's.
     */
    static void firstConnection(DataSource source) {
        try (Connection c = source.getConnection()) {
            c.isClosed(); // opened: the pool's own first connection will open as well
        } catch (SQLException e) {
            throw new HikariPool.PoolInitializationException(e);
        }
    }

    static HikariConfig baseConfig(String name, int size, JdbcSettings settings) {
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
        if (background != null) {
            try {
                background.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        writer.close();
        if (reader != writer) {
            reader.close();
        }
    }
}
