package dev.atrium.server.cli;

import dev.atrium.server.config.AtriumConfig;
import dev.atrium.server.config.ConfigLoader;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The flags of every command that opens the store: where it is and how to open it. Every other key
 * (host, port, argon2-…, sweep-…, logs, …) still applies from the file and the environment; its
 * flag belongs to {@code serve} alone ({@link ServerOptions}), so a command's {@code --help} lists
 * only what it uses. Flags win over all else.
 */
public final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "properties file (env ATRIUM_CONFIG; default ./atrium.properties if present)")
    String config;
    @Option(names = "--data-dir", paramLabel = "DIR", description = "directory of the SQLite file, admin token and master key (default ./atrium-data)")
    String dataDir;
    @Option(names = {"--store", "--store-url"}, paramLabel = "URL", description = "sqlite:<file> or postgresql://user@host:port/db (default sqlite:<data-dir>/atrium.db)")
    String storeUrl;
    @Option(names = "--store-schema", paramLabel = "NAME", description = "PostgreSQL schema (default: the database's)")
    String storeSchema;
    @Option(names = "--store-connect-timeout", paramLabel = "DURATION", description = "wait for a database connection (default 2s)")
    String storeConnectTimeout;
    @Option(names = "--master-key-file", paramLabel = "FILE", description = "the master key that encrypts the store's secrets (default <data-dir>/master.key)")
    String masterKeyFile;

    /** Defaults &lt; file &lt; environment &lt; these flags, validated. */
    public AtriumConfig load() {
        return load(Map.of());
    }

    /** The same with more flags ({@code serve}'s). */
    AtriumConfig load(Map<String, String> more) {
        Map<String, String> flags = new LinkedHashMap<>();
        put(flags, "config", config);
        put(flags, "data-dir", dataDir);
        put(flags, "store-url", storeUrl);
        put(flags, "store-schema", storeSchema);
        put(flags, "store-connect-timeout", storeConnectTimeout);
        put(flags, "master-key-file", masterKeyFile);
        flags.putAll(more);
        AtriumConfig loaded = ConfigLoader.load(flags, System.getenv());
        Logging.apply(loaded.operations().logs());
        return loaded;
    }

    static void put(Map<String, String> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
