package dev.atrium.bench.baseline;

import dev.atrium.core.apps.App;
import dev.atrium.core.apps.Apps;
import dev.atrium.store.jdbc.Dialect;
import dev.atrium.store.jdbc.JdbcSettings;
import dev.atrium.store.jdbc.JdbcStore;
import dev.atrium.store.jdbc.secrets.MasterKey;
import dev.atrium.store.jdbc.secrets.MasterKeySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;

/**
 * A private, empty store of the same kind and place as the server's: a SQLite file in a fresh
 * directory beside the server's file (same file system), or a fresh schema in the server's
 * PostgreSQL database. The schema is made by the server's own migrations ({@link JdbcStore#open}),
 * and one app like the server's first app is created, so rows have the server's exact shape.
 * Closing it deletes the directory or drops the schema.
 */
public final class BaselineStore implements AutoCloseable {
    /** Baseline stores live as long as this process: their secrets are under a key held in memory only. */
    private static final MasterKeySource MASTER_KEY = MasterKeySource.of(MasterKey.generate());
    private final Dialect dialect;
    private final String jdbcUrl;
    private final Properties properties;
    private final Path sqliteFile;
    private final String schema;
    private final String appId;
    private final String storeUrl;

    private BaselineStore(Dialect dialect, String jdbcUrl, Properties properties, Path sqliteFile, String schema,
                          String appId, String storeUrl) {
        this.storeUrl = storeUrl;
        this.dialect = dialect;
        this.jdbcUrl = jdbcUrl;
        this.properties = properties;
        this.sqliteFile = sqliteFile;
        this.schema = schema;
        this.appId = appId;
    }

    /** A fresh store beside {@code serverStoreUrl} ({@code sqlite:<file>} or {@code postgresql://…}). */
    public static BaselineStore besides(String serverStoreUrl) {
        Dialect dialect = new JdbcSettings(serverStoreUrl, 1, Duration.ofSeconds(5), null).dialect();
        return dialect == Dialect.SQLITE ? sqlite(serverStoreUrl) : postgres(serverStoreUrl);
    }

    private static BaselineStore sqlite(String serverStoreUrl) {
        Path serverFile = Path.of(serverStoreUrl.substring(serverStoreUrl.indexOf("sqlite:") + "sqlite:".length()));
        Path parent = serverFile.toAbsolutePath().getParent();
        try {
            Path dir = Files.createTempDirectory(parent != null && Files.isDirectory(parent) ? parent : Path.of(
                    System.getProperty("java.io.tmpdir")), "atrium-bench-");
            Path file = dir.resolve("baseline.db");
            String app = migrate("sqlite:" + file, null);
            return new BaselineStore(Dialect.SQLITE, "jdbc:sqlite:" + file, sqliteSettings(), file, null, app,
                    "sqlite:" + file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a baseline directory beside " + serverFile, e);
        }
    }

    /**
     * The pragmas of the server's SQLite connections (atrium-store-jdbc's Database): WAL,
     * synchronous NORMAL, foreign keys, busy timeout, IMMEDIATE transactions. Without them the
     * baseline would measure another durability level, not the raw cost of the same work.
     */
    private static Properties sqliteSettings() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(5_000);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config.toProperties();
    }

    private static BaselineStore postgres(String serverStoreUrl) {
        String schema = "atrium_bench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String app = migrate(serverStoreUrl, schema);
        JdbcSettings.PgTarget pg = JdbcSettings.postgres(serverStoreUrl);
        Properties props = pg.properties();
        props.setProperty("currentSchema", schema);
        return new BaselineStore(Dialect.POSTGRESQL, pg.jdbcUrl(), props, null, schema, app, serverStoreUrl);
    }

    /** Creates the schema through the server's migrations and the first app; returns its id. */
    private static String migrate(String url, String schema) {
        try (JdbcStore store = JdbcStore.open(new JdbcSettings(url, 2, Duration.ofSeconds(5), schema), MASTER_KEY)) {
            Instant now = Instant.now();
            App app = Apps.newApp("default", now); // same id length as the server's first app: same row sizes
            return store.apps().createFirstApp(app, Apps.defaultProviders(app, now)).id();
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public String appId() {
        return appId;
    }

    /** A new plain JDBC connection with the server's settings; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /**
     * A plain JDBC connection to another scratch store (the launched server's own), with the server's settings
     * (SQLite pragmas, or the PostgreSQL schema); the caller closes it.
     */
    public static Connection connect(dev.atrium.store.jdbc.ScratchStore store) throws SQLException {
        if (store.schema() == null) {
            return DriverManager.getConnection("jdbc:" + store.storeUrl(), sqliteSettings());
        }
        JdbcSettings.PgTarget pg = JdbcSettings.postgres(store.storeUrl());
        Properties props = pg.properties();
        props.setProperty("currentSchema", store.schema());
        return DriverManager.getConnection(pg.jdbcUrl(), props);
    }

    /** The database's own version string (SQLite library or PostgreSQL server). */
    public String version() {
        String sql = dialect == Dialect.SQLITE ? "SELECT 'SQLite ' || sqlite_version()" : "SELECT 'PostgreSQL ' || current_setting('server_version')";
        try (Connection c = connect(); Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** This store opened as the server opens its own (same pool, same store classes); the caller closes it. */
    public JdbcStore open(int poolSize) {
        return JdbcStore.open(new JdbcSettings(storeUrl, poolSize, Duration.ofSeconds(5), schema), MASTER_KEY);
    }

    /** The SQLite file, or null on PostgreSQL. */
    Path sqliteFile() {
        return sqliteFile;
    }

    /**
     * After a bulk load: what autovacuum does soon after one on a real PostgreSQL server. Nothing on
     * SQLite: the server never runs ANALYZE there, so its planner works without statistics, and so
     * must the measurement.
     */
    public void settleStatistics() throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
        }
    }

    public String describe() {
        return dialect == Dialect.SQLITE ? "sqlite:" + sqliteFile : jdbcUrl + " schema " + schema;
    }

    @Override
    public void close() {
        if (dialect == Dialect.POSTGRESQL) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                System.err.println("atrium-bench: could not drop baseline schema " + schema + ": " + e.getMessage());
            }
            return;
        }
        try (Stream<Path> files = Files.walk(sqliteFile.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("atrium-bench: could not delete " + sqliteFile.getParent() + ": " + e.getMessage());
        }
    }
}
