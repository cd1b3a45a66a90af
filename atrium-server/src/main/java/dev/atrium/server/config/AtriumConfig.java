package dev.atrium.server.config;

import dev.atrium.server.outbound.Destinations;
import dev.atrium.server.outbound.Outbound;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The server's configuration: typed, immutable, validated by {@link ConfigLoader} before any of it
 * is used. Keys (file / environment / flag): {@code host} / {@code ATRIUM_HOST} / {@code --host},
 * and so on for every component, in kebab case.
 *
 * @param host the address to bind (default 127.0.0.1: nothing is exposed until asked)
 * @param port the port to bind; 0 picks a free one (tests)
 * @param publicUrl the externally reachable base URL, returned as {@code hostname} by location
 *     (docs/client-api.md, Location) and used in token issuers; null means {@code http://host:port}
 * @param dataDir where the SQLite file, the admin token and (by default) the master key live; 0700
 * @param storeUrl {@code sqlite:<file>} or {@code postgresql://…}; null means SQLite under dataDir
 * @param storePoolSize database connections
 * @param storeConnectTimeout how long a request waits for a connection before a 503
 * @param storeSchema PostgreSQL schema; null for the default
 * @param cacheTtl how long apps, providers and keys are cached: the bound on how long a change
 *     made elsewhere (CLI, another node) takes to be in force here
 * @param hashing Argon2id parameters for email/password accounts
 * @param trustedProxies CIDRs whose {@code X-Forwarded-For} is believed (docs/architecture.md, Abuse); empty = none
 * @param lifecycle the sweeper's and the event outbox's schedule
 * @param masterKeyFile the master key that encrypts the store's secrets (AES-256-GCM keys, JSON); null
 *     means {@code <dataDir>/master.key}, made at first start when the store has no secret yet
 * @param outbound the limits of calls to other servers (webhooks, JWKS, SMTP)
 * @param http the HTTP listener's options
 * @param operations logs, the management listener, the shutdown drain, tracing
 * @param guestLimits where guest admission limits are kept: by the store (default; shared by every
 *     node on PostgreSQL) or per node
 */
public record AtriumConfig(String host, int port, String publicUrl, Path dataDir, String storeUrl,
                           int storePoolSize, Duration storeConnectTimeout, String storeSchema, Duration cacheTtl,
                           PasswordHashing hashing, java.util.List<String> trustedProxies, Lifecycle lifecycle,
                           Path masterKeyFile, OutboundPolicy outbound, Http http, Operations operations,
                           GuestLimitsMode guestLimits) {

    /** The master key's default file name in the data directory. */
    public static final String MASTER_KEY_FILE = "master.key";

    /**
     * Calls to other servers.
     *
     * @param deadline the whole exchange (connect, send, the last byte of the answer; an SMTP session)
     * @param destinations whether private, loopback and link-local addresses may be called
     *     ({@code outbound-allow-private}, default true)
     */
    public record OutboundPolicy(Duration deadline, Destinations destinations) {
        public static final OutboundPolicy DEFAULTS = new OutboundPolicy(Outbound.DEFAULT_DEADLINE, Destinations.ANY);
    }

    /**
     * The HTTP listener.
     *
     * @param idleTimeout a connection with no request in progress for this long is closed, so idle
     *     or half-sent connections cannot pile up (default 60 s)
     * @param metricsAccess who may read {@code /metrics} (default anyone, as a Prometheus scraper expects)
     */
    public record Http(Duration idleTimeout, MetricsAccess metricsAccess) {
        public static final Http DEFAULTS = new Http(Duration.ofSeconds(60), MetricsAccess.PUBLIC);
    }

    /**
     * Background work inside {@code serve}.
     *
     * @param sweepInterval how often the sweeper runs (0 = never inside serve; {@code atrium sweep} still works)
     * @param sweepBatchSize guests deleted per transaction: small enough that a batch's locks are brief
     * @param sweepPause the least pause between batches (default none: an idle server sweeps at full speed)
     * @param sweepYield while the node serves requests, the pause after a batch is at least this many times the
     *     batch's duration, so logins keep their share of the database and the cores (docs/performance.md)
     * @param eventRetention delivered events are trimmed after this long
     * @param eventPoll how often undelivered events are looked for
     */
    public record Lifecycle(Duration sweepInterval, int sweepBatchSize, Duration sweepPause, int sweepYield,
                            Duration eventRetention, Duration eventPoll) {
        public static final int DEFAULT_SWEEP_YIELD = 9;
        public static final Lifecycle DEFAULTS = new Lifecycle(Duration.ofHours(1), 1000, Duration.ZERO, DEFAULT_SWEEP_YIELD,
                Duration.ofDays(7), Duration.ofSeconds(1));
    }

    /**
     * Argon2id cost: memory in KiB, iterations, lanes (defaults: OWASP's minimum, 19 MiB / 2 / 1);
     * and how many hashes run at once (default: one per core, on threads of their own) and how long
     * a request waits for its turn before a 503 ServerBusy (default 2 s).
     */
    public record PasswordHashing(int memoryKib, int iterations, int parallelism,
                                  int concurrency, Duration queueTimeout) {
        public static final int DEFAULT_CONCURRENCY = Runtime.getRuntime().availableProcessors();
        public static final Duration DEFAULT_QUEUE_TIMEOUT = Duration.ofSeconds(2);
        public static final PasswordHashing DEFAULTS = new PasswordHashing(19_456, 2, 1,
                DEFAULT_CONCURRENCY, DEFAULT_QUEUE_TIMEOUT);
    }

    /** A configuration with the default operations (text logs, no management port, 20 s drain, no tracing) and guest limits kept by the store. */
    public AtriumConfig(String host, int port, String publicUrl, Path dataDir, String storeUrl, int storePoolSize,
                        Duration storeConnectTimeout, String storeSchema, Duration cacheTtl, PasswordHashing hashing,
                        java.util.List<String> trustedProxies, Lifecycle lifecycle, Path masterKeyFile,
                        OutboundPolicy outbound, Http http) {
        this(host, port, publicUrl, dataDir, storeUrl, storePoolSize, storeConnectTimeout, storeSchema, cacheTtl, hashing,
                trustedProxies, lifecycle, masterKeyFile, outbound, http, Operations.DEFAULTS, GuestLimitsMode.STORE);
    }

    /** A configuration with the default master key file ({@code <dataDir>/master.key}) and outbound limits. */
    public AtriumConfig(String host, int port, String publicUrl, Path dataDir, String storeUrl, int storePoolSize,
                        Duration storeConnectTimeout, String storeSchema, Duration cacheTtl, PasswordHashing hashing,
                        java.util.List<String> trustedProxies, Lifecycle lifecycle) {
        this(host, port, publicUrl, dataDir, storeUrl, storePoolSize, storeConnectTimeout, storeSchema, cacheTtl, hashing,
                trustedProxies, lifecycle, null, OutboundPolicy.DEFAULTS, Http.DEFAULTS);
    }

    /** A configuration with the default password hashing (tests and embedders). */
    public AtriumConfig(String host, int port, String publicUrl, Path dataDir, String storeUrl, int storePoolSize,
                        Duration storeConnectTimeout, String storeSchema, Duration cacheTtl) {
        this(host, port, publicUrl, dataDir, storeUrl, storePoolSize, storeConnectTimeout, storeSchema, cacheTtl,
                PasswordHashing.DEFAULTS, java.util.List.of(), Lifecycle.DEFAULTS);
    }

    /** The public URL, defaulting to {@code http://host:port} with the port actually bound. */
    public String publicUrlFor(int boundPort) {
        if (publicUrl != null) {
            return publicUrl;
        }
        String h = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return "http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + boundPort;
    }

    /** The store URL, defaulting to {@code sqlite:<dataDir>/atrium.db}. */
    public String effectiveStoreUrl() {
        return storeUrl != null ? storeUrl : "sqlite:" + dataDir.resolve("atrium.db");
    }

    /** The master key file, defaulting to {@code <dataDir>/master.key}. */
    public Path effectiveMasterKeyFile() {
        return masterKeyFile != null ? masterKeyFile : dataDir.resolve(MASTER_KEY_FILE);
    }

    /** A copy with another port (tests bind port 0). */
    public AtriumConfig withPort(int value) {
        return new AtriumConfig(host, value, publicUrl, dataDir, storeUrl, storePoolSize, storeConnectTimeout,
                storeSchema, cacheTtl, hashing, trustedProxies, lifecycle, masterKeyFile, outbound, http, operations, guestLimits);
    }

    /** A copy with another master key file (tests, the CLI's --new-key-file). */
    public AtriumConfig withMasterKeyFile(Path value) {
        return new AtriumConfig(host, port, publicUrl, dataDir, storeUrl, storePoolSize, storeConnectTimeout,
                storeSchema, cacheTtl, hashing, trustedProxies, lifecycle, value, outbound, http, operations, guestLimits);
    }

    /** A copy with other outbound limits (tests shorten the deadline). */
    public AtriumConfig withOutbound(OutboundPolicy value) {
        return new AtriumConfig(host, port, publicUrl, dataDir, storeUrl, storePoolSize, storeConnectTimeout,
                storeSchema, cacheTtl, hashing, trustedProxies, lifecycle, masterKeyFile, value, http, operations, guestLimits);
    }

    /** A copy with other HTTP options (tests). */
    public AtriumConfig withHttp(Http value) {
        return new AtriumConfig(host, port, publicUrl, dataDir, storeUrl, storePoolSize, storeConnectTimeout,
                storeSchema, cacheTtl, hashing, trustedProxies, lifecycle, masterKeyFile, outbound, value, operations, guestLimits);
    }

    /** A copy with other operations settings (tests: a management port, a shorter drain, tracing). */
    public AtriumConfig withOperations(Operations value) {
        return new AtriumConfig(host, port, publicUrl, dataDir, storeUrl, storePoolSize, storeConnectTimeout,
                storeSchema, cacheTtl, hashing, trustedProxies, lifecycle, masterKeyFile, outbound, http, value, guestLimits);
    }
}
