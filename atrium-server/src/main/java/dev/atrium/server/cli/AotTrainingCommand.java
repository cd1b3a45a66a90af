package dev.atrium.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.server.app.Atrium;
import dev.atrium.server.app.NativeHeapTrim;
import dev.atrium.server.config.AtriumConfig;
import dev.atrium.store.jdbc.ScratchStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code atrium aot-training prepare|run DIR} (hidden): the training run behind the launcher's JDK
 * AOT cache (JEP 483/514/515, JDK 25+). {@code prepare} makes a {@link ScratchStore} in the new
 * directory DIR and migrates it; {@code run}, in another JVM (so Flyway stays out of the cache, as
 * it stays out of a restart), starts the server as {@code serve} does on that store, drives the
 * guest hot path over loopback (login, refresh, profile, logout) so the classes and method
 * profiles of serving are recorded, and stops. The JVM writes the cache when it exits. The requests
 * go over {@link TrainingClient}'s keep-alive connections, several at once.
 *
 * <p>Neither phase reads a flag, an {@code ATRIUM_*} variable or a properties file: the launcher
 * runs this under the operator's environment, and a training run must never touch the operator's
 * store, data directory or port.
 */
@Command(name = "aot-training", hidden = true, description = "Training run for the launcher's AOT cache.")
final class AotTrainingCommand implements Runnable {
    /** The two halves, each in its own JVM. */
    enum Phase { prepare, run }

    @Parameters(index = "0", description = "prepare (make and migrate the store) or run (train on it)")
    Phase phase;
    @Parameters(index = "1", description = "the training's own directory: new for prepare, prepare's for run")
    Path dir;
    // 2,000 rather than 400: the cache's method profiles (JEP 515) are richer, and a fresh server reached 2,000 logins/s
    // in its 3rd second instead of its 6th to 9th in two alternating pairs (docs/performance.md, Time to peak).
    @Option(names = "--rounds", defaultValue = "2000", description = "guest round trips (login, refresh, profile, logout)")
    int rounds;
    // Several clients at once, each on a keep-alive connection, as the SDKs and the bench send requests: the concurrent
    // paths (the group-commit writer's batches, the pools' hand-offs, Helidon's keep-alive loop) then reach the cache
    // with profiles; one request per connection, one at a time, trained none of them (docs/performance.md, Time to peak).
    @Option(names = "--clients", defaultValue = "8", description = "concurrent keep-alive connections")
    int clients;

    @Override
    public void run() {
        switch (phase) {
            case prepare -> ScratchStore.createSqlite(dir).migrate();
            case run -> train(ScratchStore.reopen(dir));
        }
    }

    private void train(ScratchStore scratch) {
        try (Atrium atrium = Atrium.start(config(scratch), Clock.systemUTC())) {
            String app = atrium.firstStart().app().id();
            scratch.liftGuestLimits(app); // one client address, thousands of guests; nothing has read the app yet
            List<Future<Void>> runs = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
                for (int c = 0; c < clients; c++) {
                    int share = rounds / clients + (c < rounds % clients ? 1 : 0);
                    runs.add(pool.submit(() -> roundTrips(atrium.port(), app, share)));
                }
                for (Future<Void> run : runs) {
                    run.get();
                }
            }
            try (TrainingClient last = new TrainingClient(atrium.port())) {
                last.call("GET", "/health/ready", null, null);
            }
            NativeHeapTrim.trimNow(); // serve's idle trim: its management classes belong in the cache too
        } catch (IOException | ExecutionException e) {
            throw new AtriumCommand.CommandFailure("AOT training run failed: " + (e.getCause() == null ? e : e.getCause()).getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtriumCommand.CommandFailure("AOT training run interrupted");
        }
    }

    /** {@code count} guest round trips (login, refresh, profile, logout) on one keep-alive connection. */
    private static Void roundTrips(int port, String app, int count) throws IOException {
        String base = "/api/client/v2.0";
        try (TrainingClient client = new TrainingClient(port)) {
            for (int i = 0; i < count; i++) {
                JsonNode login = client.call("POST", base + "/app/" + app + "/auth/providers/anon-user/login", null,
                        "{\"options\":{\"device\":{\"sdk\":\"training\"}}}");
                String refresh = login.path("refresh_token").asText();
                JsonNode session = client.call("POST", base + "/auth/session", refresh, null);
                client.call("GET", base + "/auth/profile", session.path("access_token").asText(), null);
                client.call("DELETE", base + "/auth/session", refresh, null);
            }
        }
        return null;
    }

    /**
     * A configuration of the scratch store alone: loopback, any free port, the sweeper off, every
     * other value a default. Nothing in it comes from a flag, the environment or a file.
     */
    static AtriumConfig config(ScratchStore scratch) {
        AtriumConfig.Lifecycle quiet = new AtriumConfig.Lifecycle(Duration.ZERO, 1000, Duration.ZERO, 0,
                Duration.ofDays(7), Duration.ofSeconds(1));
        return new AtriumConfig("127.0.0.1", 0, null, scratch.dir(), scratch.storeUrl(), 4, Duration.ofSeconds(5),
                scratch.schema(), Duration.ofSeconds(5), AtriumConfig.PasswordHashing.DEFAULTS, List.of(), quiet);
    }
}
