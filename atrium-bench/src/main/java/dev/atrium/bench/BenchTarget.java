package dev.atrium.bench;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.atrium.bench.http.ClientKind;
import dev.atrium.bench.http.HttpConnection;
import dev.atrium.bench.http.Reply;
import dev.atrium.bench.report.BenchReport;
import dev.atrium.bench.server.LaunchedServer;
import dev.atrium.bench.server.ProcStats;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The server a run measures. Launched (no {@code --url}): started on an empty store and timed,
 * idle RSS read, then restarted on that store and timed again (a restart skips migrations), idle
 * RSS read again; the load runs against the restarted process. Given by {@code --url}: nothing
 * is timed and nothing in its store is changed; its guest limits are the operator's to raise
 * ({@code atrium apps configure --guest-rate-per-hour …}), since a bench lifts limits only on a
 * store it made itself (ScratchStore).
 */
final class BenchTarget implements AutoCloseable {
    /** How long a process is left alone before its RSS is read (start-up garbage, JIT). */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    final URI base;
    final String app;
    final Long pid;
    final String storeUrl;
    private final LaunchedServer launched;
    private final double firstReadyMs;
    private final Double rssIdle;
    private final Double rssIdleRestart;

    private BenchTarget(URI base, String app, Long pid, String storeUrl, LaunchedServer launched, double firstReadyMs,
                        Double rssIdle, Double rssIdleRestart) {
        this.base = base;
        this.app = app;
        this.pid = pid;
        this.storeUrl = storeUrl;
        this.launched = launched;
        this.firstReadyMs = firstReadyMs;
        this.rssIdle = rssIdle;
        this.rssIdleRestart = rssIdleRestart;
    }

    static BenchTarget of(BenchCommand o) {
        if (o.url != null) {
            String storeUrl = o.baselineStore != null ? o.baselineStore : storeOf(o.url);
            return new BenchTarget(o.url, o.appId, o.serverPid, storeUrl, null, 0, null, null);
        }
        BenchRun.progress("launching " + o.serverJar() + " on " + o.store);
        List<String> serveArgs = new ArrayList<>(o.loginsWhileSweeping > 0 ? SweepUnderLoad.SERVE_ARGS : List.of());
        serveArgs.addAll(o.clientNetworks().serverArgs());
        serveArgs.addAll(o.serverArgs); // after ours: a --server-arg=--sweep-interval=… wins
        LaunchedServer first = LaunchedServer.start(o.serverJar(), o.store.equals("sqlite") ? null : o.store, o.poolSize,
                o.serverJvmOptions, serveArgs, o.keep);
        BenchRun.progress(String.format("ready in %.0f ms at %s, app %s, pid %d", first.readyMillis(), first.base(),
                first.appId(), first.pid()));
        Double rssIdle = rssAfter(first.pid(), o.idleRssAfter);
        LaunchedServer restarted = first.restart();
        BenchRun.progress(String.format("restarted: ready in %.0f ms", restarted.readyMillis()));
        if (o.signingAlg != null) {
            rotate(restarted, o.signingAlg);
        }
        return new BenchTarget(restarted.base(), restarted.appId(), restarted.pid(), restarted.storeUrl(), restarted,
                first.readyMillis(), rssIdle, rssAfter(restarted.pid(), o.idleRssAfter));
    }

    boolean isLaunched() {
        return launched != null;
    }

    /** The launched server; IllegalStateException for one given by --url. */
    LaunchedServer launched() {
        if (launched == null) {
            throw new IllegalStateException("this needs a launched server (no --url)");
        }
        return launched;
    }

    /** Where the private stores of the baselines, footprint and sweep go: --baseline-store, else beside the server's. */
    String privateStores(BenchCommand o) {
        return o.baselineStore != null ? o.baselineStore : storeUrl;
    }

    /** Start-up and memory of a launched server, with {@code rssAfterLoadMb}; null for a given one. */
    BenchReport.Startup startup(Double rssAfterLoadMb) {
        return launched == null ? null
                : new BenchReport.Startup(firstReadyMs, rssIdle, launched.readyMillis(), rssIdleRestart, rssAfterLoadMb);
    }

    /** RSS after settling, in MB; null for a given server or when /proc has no answer. */
    Double rssNow() {
        return launched == null ? null : rssAfter(pid, SETTLE);
    }

    @Override
    public void close() {
        if (launched != null) {
            launched.close();
        }
    }

    /**
     * Switches the launched server's app to {@code alg} (ES256, the default of new apps, or EdDSA)
     * through its admin API, as an operator would: the server signs with the new key at once.
     */
    private static void rotate(LaunchedServer server, String alg) {
        try (HttpConnection c = ClientKind.RAW.factory(server.base()).get()) {
            String token = java.nio.file.Files.readString(server.store().dir().resolve("admin-token")).trim();
            Reply r = c.send("POST", "/api/admin/v1/apps/" + server.appId() + "/signing_keys/rotate", token,
                    ("{\"alg\":\"" + alg + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (r.status() != 200) {
                throw new IllegalStateException("rotating to " + alg + " answered " + r.status() + ": " + r.text());
            }
            BenchRun.progress("app " + server.appId() + " now signs access tokens with " + alg);
        } catch (IOException e) {
            server.close();
            throw new IllegalStateException("cannot rotate to " + alg + ": " + e.getMessage(), e);
        }
    }

    /** The store a running server names in its /health/ready answer. */
    private static String storeOf(URI base) {
        try (HttpConnection c = ClientKind.RAW.factory(base).get()) {
            Reply r = c.send("GET", "/health/ready", null, null);
            String store = JsonMapper.builder().build().readTree(r.body()).path("store").asText(null);
            if (r.status() != 200 || store == null) {
                throw new IllegalStateException("server not ready (HTTP " + r.status() + "): " + r.text());
            }
            return store;
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + base + ": " + e.getMessage(), e);
        }
    }

    private static Double rssAfter(long pid, Duration settle) {
        try {
            Thread.sleep(settle.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long kb = ProcStats.rssKb(pid);
        return kb < 0 ? null : kb / 1024.0;
    }
}
