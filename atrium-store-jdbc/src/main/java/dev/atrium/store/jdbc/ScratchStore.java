package dev.atrium.store.jdbc;

import dev.atrium.core.apps.AppSettings;
import dev.atrium.core.apps.AppStore;
import dev.atrium.store.jdbc.secrets.MasterKeyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A store that Atrium's own tooling made for itself: the launcher's AOT training run and the
 * bench's launched server. It lives in a directory this class created (it must not exist before),
 * holding the SQLite file or, on PostgreSQL, naming a schema this class created with a plain
 * {@code CREATE SCHEMA} (which fails if it exists), and a marker file that records which.
 *
 * <p>This is the only place where guest admission limits are lifted ({@link #liftGuestLimits}; the
 * architecture test holds every other class to that): a benchmark or a training run signs up
 * hundreds of guests from one address. An operator's store can never be one: a scratch store is
 * known by its directory alone (the store URL and schema are read from the marker this class
 * wrote), never from flags, {@code ATRIUM_*} variables or a properties file, so an operator's
 * {@code ATRIUM_STORE_URL} cannot redirect it. Its users build the server's configuration from
 * {@link #dir}, {@link #storeUrl} and {@link #schema} the same way.
 */
public final class ScratchStore {
    /** The marker's name inside the directory; it holds the store URL and schema. */
    static final String MARKER = "scratch-store.properties";
    /** Far above what two cores can serve, so a run measures capacity, not the limiter (whose check still runs). */
    private static final int UNLIMITED = 1_000_000_000;

    private final Path dir;
    private final String storeUrl;
    private final String schema;

    private ScratchStore(Path dir, String storeUrl, String schema) {
        this.dir = dir;
        this.storeUrl = storeUrl;
        this.schema = schema;
    }

    /** A new directory {@code dir} (its parent must exist, it must not) with a SQLite store in it, not yet migrated. */
    public static ScratchStore createSqlite(Path dir) {
        Path d = createDirectory(dir);
        return mark(new ScratchStore(d, "sqlite:" + d.resolve("atrium.db"), null));
    }

    /** A new directory {@code dir} and a new schema of its own in the PostgreSQL database at {@code postgresUrl}. */
    public static ScratchStore createPostgres(Path dir, String postgresUrl) {
        Path d = createDirectory(dir);
        String schema = "atrium_scratch_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        PostgresSchemas.createNew(postgresUrl, schema);
        return mark(new ScratchStore(d, postgresUrl, schema));
    }

    /** The scratch store made earlier in {@code dir} (by another process); fails when {@code dir} has no marker. */
    public static ScratchStore reopen(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(d.resolve(MARKER))) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(d + " is not a scratch store made by Atrium's tooling (" + e.getMessage() + ")");
        }
        return new ScratchStore(d, p.getProperty("store-url"), p.getProperty("schema"));
    }

    private static Path createDirectory(Path dir) {
        try {
            return Files.createDirectory(dir).toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new IllegalStateException("a scratch store needs a new directory: " + dir + " (" + e + ")", e);
        }
    }

    private static ScratchStore mark(ScratchStore s) {
        Properties p = new Properties();
        p.setProperty("store-url", s.storeUrl);
        if (s.schema != null) {
            p.setProperty("schema", s.schema);
        }
        // Owner-only from the start: the URL may carry a password.
        var mode = java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        try (var out = Files.newBufferedWriter(Files.createFile(s.dir.resolve(MARKER), mode))) {
            p.store(out, "made by Atrium's tooling; deleted with the directory");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s;
    }

    /** Applies the schema migrations (in this JVM) and closes the store. */
    public void migrate() {
        try (JdbcStore store = JdbcStore.open(settings(), masterKey())) {
            store.migrationsApplied();
        }
    }

    /**
     * Lifts the guest admission limits of {@code appId} in this store. Do it before a server on it
     * first reads the app: a server caches app settings for its cache-ttl.
     */
    public void liftGuestLimits(String appId) {
        try (JdbcStore store = JdbcStore.open(settings(), masterKey())) {
            AppStore apps = store.apps();
            AppSettings s = apps.find(appId).orElseThrow(() -> new IllegalStateException("no app " + appId + " in " + this))
                    .settings();
            apps.updateSettings(appId, s.withGuestLimits(UNLIMITED, UNLIMITED, 0));
        }
    }

    public Path dir() {
        return dir;
    }

    public String storeUrl() {
        return storeUrl;
    }

    /** The PostgreSQL schema, or null on SQLite. */
    public String schema() {
        return schema;
    }

    /** Drops the schema (PostgreSQL) and deletes the directory with everything in it. */
    public void delete() {
        if (schema != null) {
            PostgresSchemas.drop(storeUrl, schema);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** The scratch store's master key: {@code master.key} in its directory, where a server with this data dir looks too. */
    public MasterKeyFile masterKey() {
        return new MasterKeyFile(dir.resolve("master.key"), true, "of a scratch store");
    }

    private JdbcSettings settings() {
        return new JdbcSettings(storeUrl, 2, Duration.ofSeconds(5), schema);
    }

    @Override
    public String toString() {
        return "scratch store " + (schema == null ? storeUrl : new JdbcSettings(storeUrl, 1, Duration.ofSeconds(1), null).redacted()
                + " schema " + schema) + " in " + dir;
    }
}
