package dev.atrium.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.core.store.AtriumStore;
import dev.atrium.core.store.memory.InMemoryStore;
import dev.atrium.server.app.Atrium;
import dev.atrium.server.config.AtriumConfig;
import dev.atrium.core.kernel.MutableClock;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Atrium server in this JVM on a free port, over SQLite in a temp directory or the
 * in-memory store, with a clock the test moves. Plus a tiny HTTP client for scenario tests.
 */
public final class TestServer implements AutoCloseable {
    public final MutableClock clock = MutableClock.startingNow();
    public final Atrium atrium;
    public final AtriumConfig config;
    private boolean closed;

    private TestServer(AtriumConfig config, AtriumStore store) {
        this.config = config;
        if (store == null) {
            SqliteTemplate.seed(config);
        }
        this.atrium = store == null ? Atrium.start(config, clock) : Atrium.start(config, clock, store);
    }

    /** A server on SQLite under {@code dir}; cache TTL zero so store changes are seen at once. */
    public static TestServer sqlite(Path dir) {
        return new TestServer(config(dir, "sqlite:" + dir.resolve("atrium.db")), null);
    }

    /** A server on SQLite under {@code dir} with a changed configuration. */
    public static TestServer sqlite(Path dir, java.util.function.UnaryOperator<AtriumConfig> change) {
        return new TestServer(change.apply(config(dir, "sqlite:" + dir.resolve("atrium.db"))), null);
    }

    /**
     * Argon2id at 1 MiB and 1 iteration, below the 8 MiB an operator may configure (RFC 9106 allows
     * any memory of at least 8 KiB per lane): the tests check what happens around a hash (flows,
     * throttles), whose outcome does not depend on its cost, and at 8 MiB hashing was still a quarter
     * of this module's test CPU. Tests of hashing capacity set their own cost.
     */
    public static final AtriumConfig.PasswordHashing CHEAP_HASHING = new AtriumConfig.PasswordHashing(1024, 1, 1,
            AtriumConfig.PasswordHashing.DEFAULT_CONCURRENCY, AtriumConfig.PasswordHashing.DEFAULT_QUEUE_TIMEOUT);

    /**
     * A server on SQLite under {@code dir} behind a trusted proxy, with {@link #CHEAP_HASHING}: the
     * test client (loopback) is the proxy, so {@link #postFrom} can speak for as many client
     * networks as an attack needs.
     */
    public static TestServer behindProxy(Path dir) {
        return behindProxy(dir, CHEAP_HASHING);
    }

    /** {@link #behindProxy(Path)} with other password hashing settings (concurrency, queue timeout). */
    public static TestServer behindProxy(Path dir, AtriumConfig.PasswordHashing hashing) {
        return sqlite(dir, c -> new AtriumConfig(c.host(), c.port(), c.publicUrl(), c.dataDir(), c.storeUrl(),
                c.storePoolSize(), c.storeConnectTimeout(), c.storeSchema(), c.cacheTtl(), hashing,
                java.util.List.of("127.0.0.1/32", "::1"), c.lifecycle()));
    }

    /** A POST as if from {@code client} (an address put in X-Forwarded-For; needs {@link #behindProxy}). */
    public Http.Reply postFrom(String client, String url, String body) {
        return Http.sendWithHeaders("POST", url, java.util.Map.of("X-Forwarded-For", client), body);
    }

    /** A server on a store URL (e.g. PostgreSQL) with data dir {@code dir}. */
    public static TestServer on(Path dir, String storeUrl, String schema) {
        AtriumConfig c = config(dir, storeUrl);
        return new TestServer(new AtriumConfig(c.host(), c.port(), null, dir, storeUrl, c.storePoolSize(),
                c.storeConnectTimeout(), schema, c.cacheTtl(), c.hashing(), c.trustedProxies(), c.lifecycle()), null);
    }

    /** A server on the in-memory reference store. */
    public static TestServer memory(Path dir) {
        return new TestServer(config(dir, null), new InMemoryStore());
    }

    /**
     * The tests' configuration: port 0, pool of 4, cache TTL zero, and {@link #CHEAP_HASHING}. Argon2id
     * at its default cost was over a third of the server module's test CPU; the tests that depend on
     * the cost (HashingCapacityTest) ask for the defaults.
     */
    public static AtriumConfig config(Path dir, String storeUrl) {
        return new AtriumConfig("127.0.0.1", 0, null, dir, storeUrl, 4, Duration.ofSeconds(2), null, Duration.ZERO,
                CHEAP_HASHING, java.util.List.of(), AtriumConfig.Lifecycle.DEFAULTS);
    }

    public String baseUrl() {
        return atrium.publicUrl();
    }

    public String appId() {
        return atrium.firstStart().app().id();
    }

    /** {@code baseUrl + /api/client/v2.0 + suffix}. */
    public String client(String suffix) {
        return baseUrl() + "/api/client/v2.0" + suffix;
    }

    /** Sends a request; {@code body} null means none. */
    public Http.Reply send(String method, String url, String bearer, String body) {
        return Http.send(method, url, bearer, body);
    }

    /** Sends a request with exactly these extra headers. */
    public Http.Reply sendWithHeaders(String method, String url, java.util.Map<String, String> headers, String body) {
        return Http.sendWithHeaders(method, url, headers, body);
    }

    /** Enables provider {@code type} on the first app with {@code config}, creating its row if needed. */
    public void enable(String type, java.util.Map<String, Object> config) {
        var apps = atrium.store().apps();
        String id = apps.providers(appId()).stream().filter(p -> p.type().equals(type)).map(p -> p.id()).findFirst()
                .orElse(dev.atrium.core.kernel.ObjectIds.next(java.time.Instant.now()));
        apps.saveProvider(new dev.atrium.core.apps.ProviderConfig(id, appId(), type, true, config));
    }

    /** {@code …/app/<first app>/auth/providers/<provider>/<suffix>}. */
    public String provider(String provider, String suffix) {
        return client("/app/" + appId() + "/auth/providers/" + provider + "/" + suffix);
    }

    /** Guest login on the first app; returns the parsed body. */
    public JsonNode guestLogin() {
        return Http.guestLogin(baseUrl(), appId());
    }

    /** Rows in {@code table} of the SQLite store (tests assert that refused requests change nothing). */
    public long count(String table) {
        String url = config.effectiveStoreUrl();
        if (!url.startsWith("sqlite:")) {
            throw new IllegalStateException("count() reads the SQLite file; store is " + url);
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:" + url);
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Changes the first app's throttles (the admin API's keys, e.g. {@code email_burst}) through the
     * store, as an operator's change made elsewhere; the cache TTL is zero, so it is in force at once.
     */
    public void throttling(java.util.Map<String, Object> changes) {
        var apps = atrium.store().apps();
        var settings = apps.find(appId()).orElseThrow().settings();
        apps.updateSettings(appId(), settings.withThrottling(settings.throttling().patched(changes)));
    }

    /**
     * Stops the server; deliveries that run after their answer finish first, so a test can count
     * what was sent once this returns. Closing again does nothing.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            atrium.close();
        }
    }
}
