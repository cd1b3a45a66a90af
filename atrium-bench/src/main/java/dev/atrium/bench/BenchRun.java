package dev.atrium.bench;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.atrium.bench.baseline.BaselineResult;
import dev.atrium.bench.baseline.BaselineStore;
import dev.atrium.bench.baseline.Footprint;
import dev.atrium.bench.baseline.InsertBaseline;
import dev.atrium.bench.baseline.InsertForm;
import dev.atrium.bench.baseline.SigningBaseline;
import dev.atrium.bench.baseline.SweepRate;
import dev.atrium.bench.baseline.Timing;
import dev.atrium.bench.http.HttpConnection;
import dev.atrium.bench.http.Reply;
import dev.atrium.bench.load.LoadResult;
import dev.atrium.bench.load.LoadRun;
import dev.atrium.bench.load.LoadSettings;
import dev.atrium.bench.load.Scenario;
import dev.atrium.bench.report.BenchReport;
import dev.atrium.bench.report.Machine;
import dev.atrium.bench.report.Ratios;
import dev.atrium.bench.server.GuestLimits;
import dev.atrium.bench.server.LaunchedServer;
import dev.atrium.bench.server.ProcStats;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One bench run, in an order that keeps the parts from disturbing each other: launch (timed),
 * idle memory, a restart (timed) and idle memory again, the load generator's ceiling, the baselines (server idle), the scenarios, memory
 * after load, and the footprint and the sweep last (they only use private stores).
 */
final class BenchRun {
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private final BenchCommand o;

    BenchRun(BenchCommand options) {
        this.o = options;
    }

    BenchReport run() {
        LaunchedServer launched = null;
        try {
            URI base = o.url;
            String app = o.appId;
            Long pid = o.serverPid;
            String storeUrl;
            if (base == null) {
                progress("launching " + o.serverJar() + " on " + o.store);
                launched = LaunchedServer.start(o.serverJar(), o.store.equals("sqlite") ? null : o.store, o.poolSize,
                        o.serverJvmOptions, o.keep);
                base = launched.base();
                app = launched.appId();
                pid = launched.pid();
                storeUrl = launched.storeUrl();
                progress(String.format("ready in %.0f ms at %s, app %s, pid %d", launched.readyMillis(), base, app, pid));
            } else {
                storeUrl = o.baselineStore != null ? o.baselineStore : storeOf(base);
                if (o.liftGuestLimits) {
                    GuestLimits.lift(storeUrl, o.serverStoreSchema, app);
                }
            }
            Double rssIdle = launched == null ? null : rssAfterSettling(pid);
            double firstReadyMs = 0;
            Double rssIdleRestart = null;
            if (launched != null) {
                firstReadyMs = launched.readyMillis();
                launched = launched.restart();
                base = launched.base();
                pid = launched.pid();
                progress(String.format("restarted: ready in %.0f ms", launched.readyMillis()));
                rssIdleRestart = rssAfterSettling(pid);
            }
            LoadSettings settings = new LoadSettings(base, app, o.client, o.concurrency, o.warmup, o.duration, pid);
            LoadResult ceiling = null;
            if (!o.ceilingDuration.isZero()) {
                progress("load generator ceiling: GET /health/live");
                ceiling = LoadRun.run(Scenario.HEALTH, new LoadSettings(base, app, o.client, o.concurrency,
                        o.warmup, o.ceilingDuration, pid));
            }
            List<BaselineResult> baselines = new ArrayList<>();
            String storeVersion = "-";
            if (!o.noBaseline) {
                String where = o.baselineStore != null ? o.baselineStore : storeUrl;
                storeVersion = baselines(where, baselines);
            }
            List<LoadResult> results = new ArrayList<>();
            for (Scenario s : o.scenarios) {
                progress(s.label() + ": warm-up " + o.warmup.toSeconds() + " s, measuring " + o.duration.toSeconds() + " s");
                results.add(LoadRun.run(s, settings));
            }
            Double rssAfter = launched == null ? null : rssAfterSettling(pid);
            Footprint.Result footprint = null;
            if (o.footprintGuests > 0) {
                progress("footprint: inserting " + o.footprintGuests + " guests");
                footprint = Footprint.measure(o.baselineStore != null ? o.baselineStore : storeUrl, o.footprintGuests);
            }
            SweepRate.Result sweep = null;
            if (o.sweepGuests > 0) {
                progress("sweep: seeding " + o.sweepGuests + " expired guests, then sweeping them");
                sweep = SweepRate.measure(o.baselineStore != null ? o.baselineStore : storeUrl, o.sweepGuests);
            }
            BenchReport.Server server = new BenchReport.Server(base.toString(), app, storeUrl, storeVersion, launched != null,
                    o.client.name().toLowerCase(java.util.Locale.ROOT), o.concurrency, o.warmup.toMillis() / 1e3,
                    o.duration.toMillis() / 1e3, o.poolSize);
            BenchReport.Startup startup = launched == null ? null
                    : new BenchReport.Startup(firstReadyMs, rssIdle, launched.readyMillis(), rssIdleRestart, rssAfter);
            return new BenchReport(Machine.current(), server, startup, ceiling, List.copyOf(baselines), List.copyOf(results),
                    Ratios.of(baselines, results), footprint, sweep);
        } finally {
            if (launched != null) {
                launched.close();
            }
        }
    }

    /** Runs the store and signing baselines into {@code out}; returns the store's version. */
    private String baselines(String storeUrl, List<BaselineResult> out) {
        Timing timing = new Timing(o.baselineWarmup, o.baselineDuration);
        String version;
        try (BaselineStore store = BaselineStore.besides(storeUrl)) {
            version = store.version();
            for (InsertForm form : InsertBaseline.formsFor(store.dialect())) {
                progress("baseline " + form.label() + " on " + store.describe());
                out.add(InsertBaseline.run(store, form, o.concurrency, o.poolSize, timing));
            }
        }
        progress("baseline Ed25519 signing and verification");
        out.addAll(SigningBaseline.run(timing));
        return version;
    }

    /** The store a running server names in its /health/ready answer. */
    private static String storeOf(URI base) {
        try (HttpConnection c = dev.atrium.bench.http.ClientKind.RAW.factory(base).get()) {
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

    private static Double rssAfterSettling(long pid) {
        try {
            Thread.sleep(SETTLE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long kb = ProcStats.rssKb(pid);
        return kb < 0 ? null : kb / 1024.0;
    }

    private static void progress(String line) {
        System.err.println("atrium-bench: " + line);
    }
}
