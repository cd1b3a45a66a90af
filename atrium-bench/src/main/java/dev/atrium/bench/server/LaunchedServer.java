package dev.atrium.bench.server;

import dev.atrium.bench.http.ClientKind;
import dev.atrium.bench.http.HttpConnection;
import dev.atrium.store.jdbc.ScratchStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh {@code atrium serve} process on a free loopback port, on a {@link ScratchStore} of its
 * own: a new temporary directory (PostgreSQL: and a new schema). Start-up is timed from just
 * before the process is spawned to the first 200 of {@code GET /health/ready}, so it includes the
 * JVM's own start. The app's guest admission limits are lifted, which only a scratch store allows.
 * The process gets no {@code ATRIUM_*} variable and runs in that directory (so no
 * {@code ./atrium.properties}): nothing of the operator's configuration can point it elsewhere.
 * Closing stops the process (SIGTERM, its shutdown hook) and removes the directory and schema.
 */
public final class LaunchedServer implements AutoCloseable {
    private static final Pattern APP_ID = Pattern.compile("app id: ([A-Za-z0-9_-]+)"); // also inside a JSON log record
    private static final long READY_TIMEOUT_MS = 60_000;

    private final Process process;
    private final URI base;
    private final double readyMillis;
    private final String appId;
    private final Scratch files;
    private final Launch launch;

    /** How the process is spawned, kept for {@link #restart()}. */
    private record Launch(Path jar, int poolSize, List<String> jvmOptions, List<String> serveArgs) {}

    /** The server's store, and whether to keep it when closed (--keep). */
    private record Scratch(ScratchStore store, boolean keep) {
        void clean() {
            if (keep) {
                System.err.println("atrium-bench: kept " + store);
                return;
            }
            try {
                store.delete();
                Files.deleteIfExists(store.dir().getParent()); // the temporary directory it was made in
            } catch (IOException | RuntimeException e) {
                System.err.println("atrium-bench: could not delete " + store + ": " + e.getMessage());
            }
        }
    }

    private LaunchedServer(Process process, URI base, double readyMillis, String appId, Scratch files, Launch launch) {
        this.process = process;
        this.base = base;
        this.readyMillis = readyMillis;
        this.appId = appId;
        this.files = files;
        this.launch = launch;
    }

    /**
     * Starts {@code jar} with {@code jvmOptions}; {@code storeUrl} null means SQLite in the data
     * directory, else a PostgreSQL URL, used with a schema of its own.
     */
    public static LaunchedServer start(Path jar, String storeUrl, int poolSize, List<String> jvmOptions, boolean keep) {
        return start(jar, storeUrl, poolSize, jvmOptions, List.of(), keep);
    }

    /** The same with more arguments for {@code serve} (e.g. {@code --log-format=json}), after Atrium's own. */
    public static LaunchedServer start(Path jar, String storeUrl, int poolSize, List<String> jvmOptions, List<String> serveArgs,
                                       boolean keep) {
        try {
            Path dir = Files.createTempDirectory("atrium-bench-server-").resolve("store");
            Scratch files = new Scratch(storeUrl == null ? ScratchStore.createSqlite(dir)
                    : ScratchStore.createPostgres(dir, storeUrl), keep);
            LaunchedServer server = spawn(new Launch(jar, poolSize, jvmOptions, serveArgs), files);
            try {
                files.store().liftGuestLimits(server.appId); // nothing has read the app's settings yet
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot launch the server: " + e.getMessage(), e);
        }
    }

    /**
     * Stops this process (its shutdown hook runs) and starts it again on the same store, timed
     * the same way: what a restart of a running deployment costs (no migrations, keys and app
     * already there). This object must not be used afterwards; close the returned one.
     */
    public LaunchedServer restart() {
        stop();
        try {
            return spawn(launch, files);
        } catch (IOException e) {
            files.clean();
            throw new IllegalStateException("cannot restart the server: " + e.getMessage(), e);
        }
    }

    private static LaunchedServer spawn(Launch launch, Scratch files) throws IOException {
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(launch.jvmOptions());
        cmd.addAll(List.of("-jar", launch.jar().toString(), "serve", "--port", Integer.toString(port),
                "--store-pool-size", Integer.toString(launch.poolSize())));
        cmd.addAll(List.of("--data-dir", files.store().dir().toString(), "--store", files.store().storeUrl()));
        if (files.store().schema() != null) {
            cmd.addAll(List.of("--store-schema", files.store().schema()));
        }
        cmd.addAll(launch.serveArgs());
        Path log = files.store().dir().resolve("server.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(files.store().dir().toFile());
        pb.environment().keySet().removeIf(name -> name.startsWith("ATRIUM_"));
        URI base = URI.create("http://127.0.0.1:" + port);
        long t0 = System.nanoTime();
        Process process = pb.start();
        try {
            double readyMs = awaitReady(process, base, log, t0);
            String appId = awaitAppId(process, log);
            return new LaunchedServer(process, base, readyMs, appId, files, launch);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            files.clean();
            throw e;
        }
    }

    private static double awaitReady(Process process, URI base, Path log, long t0) throws IOException {
        Supplier<HttpConnection> connections = ClientKind.RAW.factory(base);
        while (true) {
            try (HttpConnection c = connections.get()) {
                if (c.send("GET", "/health/ready", null, null).status() == 200) {
                    return (System.nanoTime() - t0) / 1e6;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!process.isAlive()) {
                throw new IOException("server exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            if ((System.nanoTime() - t0) / 1_000_000 > READY_TIMEOUT_MS) {
                throw new IOException("server not ready after " + READY_TIMEOUT_MS + " ms:\n" + Files.readString(log));
            }
            pause(2);
        }
    }

    /** The banner is printed right after start() returns; ready can come a moment before it. */
    private static String awaitAppId(Process process, Path log) throws IOException {
        for (int i = 0; i < 5_000 && process.isAlive(); i++) {
            Matcher m = APP_ID.matcher(Files.readString(log));
            if (m.find()) {
                return m.group(1);
            }
            pause(2);
        }
        throw new IOException("the server printed no app id:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public URI base() {
        return base;
    }

    public String appId() {
        return appId;
    }

    public long pid() {
        return process.pid();
    }

    /** Milliseconds from spawning the process to the first 200 of /health/ready. */
    public double readyMillis() {
        return readyMillis;
    }

    /** The store the server was started on, as its /health/ready would name it. */
    public String storeUrl() {
        return files.store().storeUrl();
    }

    /** The server's own store (its directory, and schema on PostgreSQL). */
    public ScratchStore store() {
        return files.store();
    }

    @Override
    public void close() {
        stop();
        files.clean();
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
