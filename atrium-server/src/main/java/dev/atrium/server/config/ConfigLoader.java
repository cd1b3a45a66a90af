package dev.atrium.server.config;

import dev.atrium.server.outbound.Destinations;
import dev.atrium.server.outbound.Outbound;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Builds {@link AtriumConfig} from defaults &lt; optional file &lt; environment &lt; flags.
 * The file is {@code --config}/{@code ATRIUM_CONFIG}, else {@code ./atrium.properties} if present.
 * Every key is validated and every problem collected, so one run names them all (HikariCP's
 * {@code validate()} style); unknown keys in the file are problems too, typos must not pass.
 */
public final class ConfigLoader {
    public static final Set<String> KEYS = keys("host", "port", "public-url", "data-dir", "store-url",
            "store-pool-size", "store-connect-timeout", "store-schema", "cache-ttl", "argon2-memory-kib",
            "argon2-iterations", "argon2-parallelism", "trusted-proxies", "sweep-interval", "sweep-batch-size",
            "sweep-pause", "sweep-yield", "event-retention", "event-poll",
            "argon2-concurrency", "argon2-queue-timeout", "master-key-file", "outbound-deadline", "outbound-allow-private",
            "idle-timeout", "metrics-access", "guest-limits");

    private static Set<String> keys(String... own) {
        Set<String> all = new java.util.LinkedHashSet<>(List.of(own));
        all.addAll(OperationsLoader.KEYS);
        return Set.copyOf(all);
    }
    private static final String DEFAULT_FILE = "atrium.properties";

    private ConfigLoader() {}

    /** Loads and validates; throws ConfigException listing every bad key. */
    public static AtriumConfig load(Map<String, String> flags, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        String file = flags.getOrDefault("config", env.get("ATRIUM_CONFIG"));
        readFile(file, values, problems);
        for (String key : KEYS) {
            String fromEnv = env.get(envName(key));
            if (fromEnv != null) {
                values.put(key, fromEnv);
            }
        }
        flags.forEach((k, v) -> {
            if (!k.equals("config")) {
                values.put(k, v);
            }
        });
        return validate(values, problems);
    }

    /** The environment variable of a key: {@code public-url} → {@code ATRIUM_PUBLIC_URL}. */
    public static String envName(String key) {
        return "ATRIUM_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static void readFile(String file, Map<String, String> values, List<String> problems) {
        Path path = file != null ? Path.of(file) : Path.of(DEFAULT_FILE);
        if (file == null && !Files.exists(path)) {
            return;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(path)) {
            p.load(r);
        } catch (IOException e) {
            problems.add("config: cannot read " + path + " (" + e.getMessage() + ")");
            return;
        }
        for (String key : p.stringPropertyNames()) {
            if (KEYS.contains(key)) {
                values.put(key, p.getProperty(key).trim());
            } else {
                problems.add(key + ": unknown key in " + path + " (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
    }

    private static AtriumConfig validate(Map<String, String> v, List<String> problems) {
        ConfigFields f = new ConfigFields(v, problems);
        String host = f.string("host", "127.0.0.1");
        int port = f.integer("port", 9090, 0, 65535);
        String publicUrl = f.url("public-url");
        Path dataDir = Path.of(f.string("data-dir", "./atrium-data")).toAbsolutePath().normalize();
        String storeUrl = f.storeUrl("store-url");
        int pool = f.integer("store-pool-size", 16, 1, 512);
        Duration connect = f.duration("store-connect-timeout", Duration.ofSeconds(2), Duration.ofMillis(250), Duration.ofMinutes(1));
        String schema = f.identifier("store-schema");
        Duration cacheTtl = f.duration("cache-ttl", Duration.ofSeconds(5), Duration.ZERO, Duration.ofMinutes(10));
        AtriumConfig.PasswordHashing hashing = new AtriumConfig.PasswordHashing(
                f.integer("argon2-memory-kib", 19_456, 8_192, 1_048_576),
                f.integer("argon2-iterations", 2, 1, 20),
                f.integer("argon2-parallelism", 1, 1, 16),
                f.integer("argon2-concurrency", AtriumConfig.PasswordHashing.DEFAULT_CONCURRENCY, 1, 256),
                f.duration("argon2-queue-timeout", AtriumConfig.PasswordHashing.DEFAULT_QUEUE_TIMEOUT, Duration.ZERO,
                        Duration.ofMinutes(1)));
        java.util.List<String> proxies = f.cidrs("trusted-proxies");
        AtriumConfig.Lifecycle lifecycle = new AtriumConfig.Lifecycle(
                f.duration("sweep-interval", Duration.ofHours(1), Duration.ZERO, Duration.ofDays(7)),
                f.integer("sweep-batch-size", 1000, 1, 10_000),
                f.duration("sweep-pause", Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1)),
                f.integer("sweep-yield", AtriumConfig.Lifecycle.DEFAULT_SWEEP_YIELD, 0, 100),
                f.duration("event-retention", Duration.ofDays(7), Duration.ofMinutes(1), Duration.ofDays(365)),
                f.duration("event-poll", Duration.ofSeconds(1), Duration.ofMillis(50), Duration.ofMinutes(10)));
        AtriumConfig.Http http = new AtriumConfig.Http(f.duration("idle-timeout", AtriumConfig.Http.DEFAULTS.idleTimeout(),
                Duration.ofSeconds(1), Duration.ofHours(1)), metricsAccess(f.string("metrics-access", "public"), problems));
        String keyFile = f.string("master-key-file", null);
        Path masterKeyFile = keyFile == null ? null : Path.of(keyFile.trim()).toAbsolutePath().normalize();
        AtriumConfig.OutboundPolicy outbound = new AtriumConfig.OutboundPolicy(
                f.duration("outbound-deadline", Outbound.DEFAULT_DEADLINE, Duration.ofMillis(100), Duration.ofMinutes(2)),
                f.bool("outbound-allow-private", true) ? Destinations.ANY : Destinations.PUBLIC_ONLY);
        Operations operations = OperationsLoader.read(f, host);
        GuestLimitsMode guestLimits = guestLimits(f.string("guest-limits", "store"), problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new AtriumConfig(host, port, publicUrl, dataDir, storeUrl, pool, connect, schema, cacheTtl, hashing,
                proxies, lifecycle, masterKeyFile, outbound, http, operations, guestLimits);
    }

    private static MetricsAccess metricsAccess(String value, List<String> problems) {
        return MetricsAccess.parse(value).orElseGet(() -> {
            problems.add("metrics-access: '" + value + "' must be public or admin-token");
            return MetricsAccess.PUBLIC;
        });
    }

    private static GuestLimitsMode guestLimits(String value, List<String> problems) {
        return GuestLimitsMode.parse(value).orElseGet(() -> {
            problems.add("guest-limits: '" + value + "' must be store or node");
            return GuestLimitsMode.STORE;
        });
    }
}
