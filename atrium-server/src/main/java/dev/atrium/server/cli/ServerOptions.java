package dev.atrium.server.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The flags only {@code serve} uses: the listener, hashing, background work, logs, shutdown and tracing. */
final class ServerOptions {
    @Option(names = "--host", paramLabel = "ADDRESS", description = "address to bind (default 127.0.0.1)")
    String host;
    @Option(names = "--port", paramLabel = "PORT", description = "port to bind (default 9090; 0 = any free port)")
    String port;
    @Option(names = "--public-url", paramLabel = "URL", description = "externally reachable base URL (default http://host:port)")
    String publicUrl;
    @Option(names = "--store-pool-size", paramLabel = "N", description = "database connections (default 16)")
    String storePoolSize;
    @Option(names = "--cache-ttl", paramLabel = "DURATION", description = "app/provider/key cache lifetime (default 5s)")
    String cacheTtl;
    @Option(names = "--argon2-memory-kib", paramLabel = "KIB", description = "Argon2id memory per password hash (default 19456)")
    String argon2Memory;
    @Option(names = "--argon2-iterations", paramLabel = "N", description = "Argon2id iterations (default 2)")
    String argon2Iterations;
    @Option(names = "--argon2-parallelism", paramLabel = "N", description = "Argon2id lanes (default 1)")
    String argon2Parallelism;
    @Option(names = "--argon2-concurrency", paramLabel = "N", description = "password hashes computed at once (default: one per core)")
    String argon2Concurrency;
    @Option(names = "--argon2-queue-timeout", paramLabel = "DURATION", description = "wait for a free hashing thread before 503 ServerBusy (default 2s)")
    String argon2QueueTimeout;
    @Option(names = "--trusted-proxies", paramLabel = "CIDRS", description = "CIDRs whose X-Forwarded-For is believed, comma-separated")
    String trustedProxies;
    @Option(names = "--sweep-interval", paramLabel = "DURATION", description = "how often inactive guests are swept (default 1h; 0 = never)")
    String sweepInterval;
    @Option(names = "--sweep-batch-size", paramLabel = "N", description = "guests deleted per transaction (default 1000)")
    String sweepBatchSize;
    @Option(names = "--sweep-pause", paramLabel = "DURATION", description = "least pause between sweep batches (default 0)")
    String sweepPause;
    @Option(names = "--sweep-yield", paramLabel = "N",
            description = "while serving requests, pause after a sweep batch N times its duration, 0..100 (default 9)")
    String sweepYield;
    @Option(names = "--event-retention", paramLabel = "DURATION", description = "how long delivered events are kept (default 7d)")
    String eventRetention;
    @Option(names = "--event-poll", paramLabel = "DURATION", description = "how often undelivered events are looked for (default 1s)")
    String eventPoll;
    @Option(names = "--idle-timeout", paramLabel = "DURATION", description = "close connections idle this long (default 60s, 1s..1h)")
    String idleTimeout;
    @Option(names = "--metrics-access", paramLabel = "WHO", description = "who may read /metrics: public (default) or admin-token")
    String metricsAccess;
    @Option(names = "--outbound-deadline", paramLabel = "DURATION", description = "deadline of a whole webhook, JWKS or SMTP exchange (default 10s)")
    String outboundDeadline;
    @Option(names = "--outbound-allow-private", paramLabel = "true|false",
            description = "whether outbound calls may reach loopback, private and link-local addresses (default true)")
    String outboundAllowPrivate;
    @Option(names = "--guest-limits", paramLabel = "store|node",
            description = "where guest admission limits are kept: store (default; on PostgreSQL one limit for every node) or node")
    String guestLimits;
    @Option(names = "--management-port", paramLabel = "PORT", description = "serve /metrics and /health/* on this port only, not the public one (default: the public port)")
    String managementPort;
    @Option(names = "--management-host", paramLabel = "ADDRESS", description = "address of the management port (default: --host)")
    String managementHost;
    @Option(names = "--shutdown-grace-period", paramLabel = "DURATION", description = "on SIGTERM/SIGINT, how long requests in flight get to finish (default 20s)")
    String shutdownGracePeriod;
    @Option(names = "--shutdown-delay", paramLabel = "DURATION", description = "on SIGTERM/SIGINT, keep serving this long with /health/ready at 503 first (default 0)")
    String shutdownDelay;
    @Option(names = "--log-format", paramLabel = "FORMAT", description = "text (default) or json: one object per line")
    String logFormat;
    @Option(names = "--access-log", paramLabel = "true|false", description = "one log line per request (default false)")
    String accessLog;
    @Option(names = "--log-level", paramLabel = "LEVEL", description = "ERROR, WARN, INFO (default), DEBUG or TRACE (env ATRIUM_LOG_LEVEL)")
    String logLevel;
    @Option(names = "--otlp-endpoint", paramLabel = "URL", description = "export traces over OTLP/HTTP to this collector, e.g. http://127.0.0.1:4318 (default: no tracing)")
    String otlpEndpoint;
    @Option(names = "--otlp-headers", paramLabel = "NAME=VALUE,…", description = "headers of every trace export, e.g. a collector's API key")
    String otlpHeaders;
    @Option(names = "--trace-sample-ratio", paramLabel = "RATIO", description = "share of new traces recorded, 0..1 (default 1)")
    String traceSampleRatio;

    /** The flags given, by configuration key. */
    Map<String, String> flags() {
        Map<String, String> m = new LinkedHashMap<>();
        ConfigOptions.put(m, "host", host);
        ConfigOptions.put(m, "port", port);
        ConfigOptions.put(m, "public-url", publicUrl);
        ConfigOptions.put(m, "store-pool-size", storePoolSize);
        ConfigOptions.put(m, "cache-ttl", cacheTtl);
        ConfigOptions.put(m, "argon2-memory-kib", argon2Memory);
        ConfigOptions.put(m, "argon2-iterations", argon2Iterations);
        ConfigOptions.put(m, "argon2-parallelism", argon2Parallelism);
        ConfigOptions.put(m, "argon2-concurrency", argon2Concurrency);
        ConfigOptions.put(m, "argon2-queue-timeout", argon2QueueTimeout);
        ConfigOptions.put(m, "trusted-proxies", trustedProxies);
        ConfigOptions.put(m, "sweep-interval", sweepInterval);
        ConfigOptions.put(m, "sweep-batch-size", sweepBatchSize);
        ConfigOptions.put(m, "sweep-pause", sweepPause);
        ConfigOptions.put(m, "sweep-yield", sweepYield);
        ConfigOptions.put(m, "event-retention", eventRetention);
        ConfigOptions.put(m, "event-poll", eventPoll);
        ConfigOptions.put(m, "idle-timeout", idleTimeout);
        ConfigOptions.put(m, "metrics-access", metricsAccess);
        ConfigOptions.put(m, "guest-limits", guestLimits);
        ConfigOptions.put(m, "outbound-deadline", outboundDeadline);
        ConfigOptions.put(m, "outbound-allow-private", outboundAllowPrivate);
        ConfigOptions.put(m, "management-port", managementPort);
        ConfigOptions.put(m, "management-host", managementHost);
        ConfigOptions.put(m, "shutdown-grace-period", shutdownGracePeriod);
        ConfigOptions.put(m, "shutdown-delay", shutdownDelay);
        ConfigOptions.put(m, "log-format", logFormat);
        ConfigOptions.put(m, "access-log", accessLog);
        ConfigOptions.put(m, "log-level", logLevel);
        ConfigOptions.put(m, "otlp-endpoint", otlpEndpoint);
        ConfigOptions.put(m, "otlp-headers", otlpHeaders);
        ConfigOptions.put(m, "trace-sample-ratio", traceSampleRatio);
        return m;
    }
}
