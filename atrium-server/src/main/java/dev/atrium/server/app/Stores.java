package dev.atrium.server.app;

import dev.atrium.core.store.AtriumStore;
import dev.atrium.server.config.AtriumConfig;
import dev.atrium.store.jdbc.JdbcSettings;
import java.nio.file.Files;
import dev.atrium.store.jdbc.JdbcStore;
import dev.atrium.store.jdbc.secrets.MasterKeyFile;
import dev.atrium.store.jdbc.secrets.OwnerOnlyFiles;

/**
 * Opens the configured store (migrating it, unlocking its secrets with the master key) for
 * {@code serve} and the CLI alike. The data directory is made owner-only (0700) first: it holds
 * the SQLite file, the admin token and, by default, the master key.
 */
public final class Stores {
    private Stores() {}

    public static JdbcStore open(AtriumConfig config) {
        return open(config, null);
    }

    /** Opens the store with its pools reporting to {@code meterRegistry} (null: no pool metrics). */
    public static JdbcStore open(AtriumConfig config, Object meterRegistry) {
        return open(config, config.storePoolSize(), meterRegistry);
    }

    /** Opens the store with {@code poolSize} connections (a CLI command needs one or two). */
    public static JdbcStore open(AtriumConfig config, int poolSize, Object meterRegistry) {
        OwnerOnlyFiles.directory(config.dataDir());
        return JdbcStore.open(settings(config, poolSize, meterRegistry), masterKey(config));
    }

    /**
     * Opens a store that exists already, for the commands that work on one (every command but
     * {@code serve} and {@code migrate}, which make it): a data directory or SQLite file given with a
     * typo must be refused, not answered with a new empty store. {@link MissingStore} names what is missing.
     */
    public static JdbcStore openExisting(AtriumConfig config, int poolSize) {
        requireExisting(config);
        return open(config, poolSize, null);
    }

    public static void requireExisting(AtriumConfig config) {
        JdbcSettings settings = settings(config, 1, null);
        boolean defaultDir = config.storeUrl() == null || config.masterKeyFile() == null;
        if (defaultDir && !Files.isDirectory(config.dataDir())) {
            throw new MissingStore("no store: the data directory " + config.dataDir() + " does not exist (check --data-dir "
                    + "or ATRIUM_DATA_DIR; `atrium migrate` or `atrium serve` makes a new store)");
        }
        if (settings.dialect().embeddedFile() && !Files.exists(settings.sqliteFile())) {
            throw new MissingStore("no store at " + settings.sqliteFile() + ": the file does not exist (check --store or "
                    + "--data-dir; `atrium migrate` or `atrium serve` makes a new store)");
        }
    }

    /** A command that works on a store was pointed at none. */
    public static final class MissingStore extends RuntimeException {
        public MissingStore(String message) {
            super(message);
        }
    }

    /** Where the store goes, with {@code poolSize} connections. */
    public static JdbcSettings settings(AtriumConfig config, int poolSize, Object meterRegistry) {
        return new JdbcSettings(config.effectiveStoreUrl(), poolSize, config.storeConnectTimeout(), config.storeSchema(),
                meterRegistry);
    }

    /**
     * The configured master key file. The default one ({@code <data-dir>/master.key}) is made when a
     * store with no secret yet first opens; a file named by {@code master-key-file} never is: a
     * missing one is more likely an unmounted secret than a wish for a new key.
     */
    public static MasterKeyFile masterKey(AtriumConfig config) {
        return config.masterKeyFile() == null
                ? new MasterKeyFile(config.effectiveMasterKeyFile(), true, "the default, in the data directory")
                : new MasterKeyFile(config.masterKeyFile(), false, "set by master-key-file");
    }
}
