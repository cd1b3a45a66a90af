package dev.atrium.client.testing;

import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.kernel.MutableClock;
import dev.atrium.server.app.Atrium;
import dev.atrium.server.config.AtriumConfig;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Atrium server in this JVM, on a {@link Backend}, with a {@link MutableClock}. It can be
 * stopped and started again over the same data (a server restart), on a new port or the old one.
 * Cache TTL is zero so a provider disabled through the store is in force at once.
 */
public final class RunningServer implements AutoCloseable {
    /**
     * Argon2id at 1 MiB and 1 iteration, below the 8 MiB an operator may configure (RFC 9106 allows
     * any memory of at least 8 KiB per lane): the SDK's tests check what the server answers, not what
     * a hash costs (at 8 MiB, hashing was still most of these tests' server CPU).
     */
    private static final AtriumConfig.PasswordHashing CHEAP_HASHING = new AtriumConfig.PasswordHashing(1024, 1, 1,
            AtriumConfig.PasswordHashing.DEFAULT_CONCURRENCY, AtriumConfig.PasswordHashing.DEFAULT_QUEUE_TIMEOUT);

    public final MutableClock clock = MutableClock.startingNow();
    private final Backend backend;
    private final Path dataDir;
    private Atrium atrium;
    private int lastPort;
    private String appId;

    private RunningServer(Backend backend, Path dataDir) {
        this.backend = backend;
        this.dataDir = dataDir;
        start(0);
    }

    /** Starts a server on a free port of {@link TestPorts}. */
    public static RunningServer start(Backend backend, Path dataDir) {
        return new RunningServer(backend, dataDir);
    }

    /** Starts on {@code port}, or on a {@link TestPorts} port when it is 0 (the next one if that is taken). */
    private void start(int port) {
        for (int tries = 1; ; tries++) {
            try {
                startOn(port != 0 ? port : TestPorts.next());
                return;
            } catch (UncheckedIOException e) {
                if (port != 0 || !(e.getCause() instanceof BindException) || tries == 20) {
                    throw e;
                }
            }
        }
    }

    private void startOn(int port) {
        AtriumConfig config = new AtriumConfig("127.0.0.1", port, null, dataDir, backend.storeUrl(), 4,
                Duration.ofSeconds(2), backend.schema(), Duration.ZERO, CHEAP_HASHING, java.util.List.of(),
                AtriumConfig.Lifecycle.DEFAULTS);
        if (backend instanceof Backend.Sqlite sqlite) {
            MigratedSqlite.copyInto(sqlite.file(), dataDir);
        }
        atrium = Atrium.start(config, clock);
        lastPort = atrium.port();
        appId = atrium.firstStart().app().id();
    }

    /** {@code http://127.0.0.1:<port>}: what location returns as hostname. */
    public String baseUrl() {
        return running().publicUrl();
    }

    /** The app the first start created (known while stopped too). */
    public String appId() {
        return appId;
    }

    /** Stops serving; the data stays for {@link #restart()}. */
    public void stop() {
        if (atrium != null) {
            atrium.close();
            atrium = null;
        }
    }

    /** Starts again over the same data on a new free port. */
    public void restart() {
        stop();
        start(0);
    }

    /** Starts again over the same data on the port it had, so clients that know the old URL reach it. */
    public void restartOnSamePort() {
        stop();
        start(lastPort);
    }

    /** Disables provider {@code type} of the app through the store. */
    public void disableProvider(String type) {
        ProviderConfig provider = running().store().apps().providers(appId()).stream()
                .filter(p -> p.type().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no provider " + type));
        running().store().apps().saveProvider(provider.withEnabled(false));
    }

    /** Whether the server still has user {@code userId}. */
    public boolean hasUser(String userId) {
        return running().store().users().find(appId(), userId).isPresent();
    }

    /** The running server's store, for tests that set up what the client API cannot. */
    public dev.atrium.core.store.AtriumStore store() {
        return running().store();
    }

    private Atrium running() {
        if (atrium == null) {
            throw new IllegalStateException("the server is stopped");
        }
        return atrium;
    }

    @Override
    public void close() {
        stop();
    }
}
