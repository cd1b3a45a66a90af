package dev.atrium.server.cli;

import dev.atrium.server.config.AtriumConfig;
import dev.atrium.server.config.ConfigLoader;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The configuration flags every command that touches the store accepts; flags win over all else. */
public final class ConfigOptions {
    @Option(names = "--config", description = "properties file (default ./atrium.properties if present)")
    String config;
    @Option(names = "--host", description = "address to bind (default 127.0.0.1)")
    String host;
    @Option(names = "--port", description = "port to bind (default 9090)")
    String port;
    @Option(names = "--public-url", description = "externally reachable base URL (default http://host:port)")
    String publicUrl;
    @Option(names = "--data-dir", description = "directory of the SQLite file and admin token (default ./atrium-data)")
    String dataDir;
    @Option(names = {"--store", "--store-url"}, description = "sqlite:<file> or postgresql://user@host:port/db")
    String storeUrl;
    @Option(names = "--store-pool-size", description = "database connections (default 16)")
    String storePoolSize;
    @Option(names = "--store-connect-timeout", description = "wait for a connection before 503 (default 2s)")
    String storeConnectTimeout;
    @Option(names = "--store-schema", description = "PostgreSQL schema")
    String storeSchema;
    @Option(names = "--cache-ttl", description = "app/provider/key cache lifetime (default 5s)")
    String cacheTtl;
    @Option(names = "--argon2-memory-kib", description = "Argon2id memory per password hash (default 19456)")
    String argon2Memory;
    @Option(names = "--argon2-iterations", description = "Argon2id iterations (default 2)")
    String argon2Iterations;
    @Option(names = "--argon2-parallelism", description = "Argon2id lanes (default 1)")
    String argon2Parallelism;
    @Option(names = "--argon2-concurrency", description = "password hashes computed at once (default: one per core)")
    String argon2Concurrency;
    @Option(names = "--argon2-queue-timeout", description = "wait for a free hashing thread before 503 ServerBusy (default 2s)")
    String argon2QueueTimeout;
    @Option(names = "--trusted-proxies", description = "CIDRs whose X-Forwarded-For is believed, comma-separated")
    String trustedProxies;
    @Option(names = "--sweep-interval", description = "how often serve sweeps inactive guests (default 1h; 0 = never)")
    String sweepInterval;
    @Option(names = "--sweep-batch-size", description = "guests deleted per transaction (default 1000)")
    String sweepBatchSize;
    @Option(names = "--sweep-pause", description = "pause between sweep batches (default 50ms)")
    String sweepPause;
    @Option(names = "--event-retention", description = "how long delivered events are kept (default 7d)")
    String eventRetention;
    @Option(names = "--idle-timeout", description = "close connections idle this long (default 60s, 1s..1h)")
    String idleTimeout;
    @Option(names = "--metrics-access", description = "who may read /metrics: public (default) or admin-token")
    String metricsAccess;
    @Option(names = "--guest-limits", paramLabel = "store|node",
            description = "where guest admission limits are kept: store (default; on PostgreSQL one limit for every node) or node")
    String guestLimits;
    @Option(names = "--event-poll", description = "how often undelivered events are looked for (default 1s)")
    String eventPoll;
    @Option(names = "--master-key-file", description = "the master key that encrypts the store's secrets (default <data-dir>/master.key)")
    String masterKeyFile;
    @Option(names = "--outbound-deadline", description = "deadline of a whole webhook, JWKS or SMTP exchange (default 10s)")
    String outboundDeadline;
    @Option(names = "--outbound-allow-private", paramLabel = "true|false",
            description = "whether outbound calls may reach loopback, private and link-local addresses (default true)")
    String outboundAllowPrivate;

    /** Defaults < file < environment < these flags, validated. */
    public AtriumConfig load() {
        Map<String, String> flags = new LinkedHashMap<>();
        put(flags, "config", config);
        put(flags, "host", host);
        put(flags, "port", port);
        put(flags, "public-url", publicUrl);
        put(flags, "data-dir", dataDir);
        put(flags, "store-url", storeUrl);
        put(flags, "store-pool-size", storePoolSize);
        put(flags, "store-connect-timeout", storeConnectTimeout);
        put(flags, "store-schema", storeSchema);
        put(flags, "cache-ttl", cacheTtl);
        put(flags, "argon2-memory-kib", argon2Memory);
        put(flags, "argon2-iterations", argon2Iterations);
        put(flags, "argon2-parallelism", argon2Parallelism);
        put(flags, "argon2-concurrency", argon2Concurrency);
        put(flags, "argon2-queue-timeout", argon2QueueTimeout);
        put(flags, "trusted-proxies", trustedProxies);
        put(flags, "sweep-interval", sweepInterval);
        put(flags, "sweep-batch-size", sweepBatchSize);
        put(flags, "sweep-pause", sweepPause);
        put(flags, "event-retention", eventRetention);
        put(flags, "event-poll", eventPoll);
        put(flags, "master-key-file", masterKeyFile);
        put(flags, "outbound-deadline", outboundDeadline);
        put(flags, "outbound-allow-private", outboundAllowPrivate);
        put(flags, "idle-timeout", idleTimeout);
        put(flags, "metrics-access", metricsAccess);
        put(flags, "guest-limits", guestLimits);
        return ConfigLoader.load(flags, System.getenv());
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
