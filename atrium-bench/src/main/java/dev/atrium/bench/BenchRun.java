package dev.atrium.bench;

import dev.atrium.bench.baseline.BaselineResult;
import dev.atrium.bench.baseline.BaselineStore;
import dev.atrium.bench.baseline.Footprint;
import dev.atrium.bench.baseline.InsertBaseline;
import dev.atrium.bench.baseline.InsertForm;
import dev.atrium.bench.baseline.SigningBaseline;
import dev.atrium.bench.baseline.SearchLatency;
import dev.atrium.bench.baseline.SweepRate;
import dev.atrium.bench.baseline.Timing;
import dev.atrium.bench.load.ClientNetworks;
import dev.atrium.bench.load.LoadResult;
import dev.atrium.bench.load.LoadRun;
import dev.atrium.bench.load.LoadSettings;
import dev.atrium.bench.load.RampUp;
import dev.atrium.bench.load.Scenario;
import dev.atrium.bench.report.BenchReport;
import dev.atrium.bench.report.Machine;
import dev.atrium.bench.report.Ratios;
import dev.atrium.core.tokens.KeyRing;
import java.util.ArrayList;
import java.util.List;

/**
 * One bench run, in an order that keeps the parts from disturbing each other: the server under
 * test ({@link BenchTarget}: launch and restart, timed, with idle memory), the load generator's
 * ceiling, the baselines (server idle), the scenarios, memory after load, and the footprint and the
 * sweep (they only use private stores), and logins while the server's own sweeper runs last (it
 * leaves the sweeper running).
 */
final class BenchRun {
    private final BenchCommand o;

    BenchRun(BenchCommand options) {
        this.o = options;
    }

    BenchReport run() {
        try (BenchTarget t = BenchTarget.of(o)) {
            RampUp.Result rampUp = null;
            if (o.timeToPeak != null) {
                progress("time to peak: logins from " + o.concurrency + " clients at once for " + o.timeToPeak.toSeconds() + " s");
                rampUp = RampUp.run(new LoadSettings(t.base, t.app, o.client, o.concurrency, java.time.Duration.ZERO,
                        o.timeToPeak, t.pid, o.clientNetworks()), (int) o.timeToPeak.toSeconds());
            }
            LoadResult ceiling = o.ceilingDuration.isZero() ? null : ceiling(t);
            List<BaselineResult> baselines = new ArrayList<>();
            String storeVersion = o.noBaseline ? "-" : baselines(t.privateStores(o), baselines);
            List<LoadResult> results = new ArrayList<>();
            LoadSettings settings = new LoadSettings(t.base, t.app, o.client, o.concurrency, o.warmup, o.duration, t.pid,
                    o.clientNetworks());
            for (Scenario s : o.scenarios) {
                progress(s.label() + ": warm-up " + o.warmup.toSeconds() + " s, measuring " + o.duration.toSeconds() + " s");
                results.add(LoadRun.run(s, settings));
            }
            if (o.compareGuestLimits > 0) {
                results.addAll(GuestLimitComparison.run(t.launched(), settings, o.compareGuestLimits));
            }
            Double rssAfter = t.rssNow();
            Footprint.Result footprint = null;
            if (o.footprintGuests > 0) {
                progress("footprint: inserting " + o.footprintGuests + " guests");
                footprint = Footprint.measure(t.privateStores(o), o.footprintGuests);
            }
            SweepRate.Result sweep = null;
            if (o.sweepGuests > 0) {
                progress("sweep: seeding " + o.sweepGuests + " expired guests, then sweeping them");
                sweep = SweepRate.measure(t.privateStores(o), o.sweepGuests);
            }
            SearchLatency.Result search = null;
            if (o.searchUsers > 0) {
                progress("search: seeding " + o.searchUsers + " users with e-mails, then timing the admin list");
                search = SearchLatency.measure(t.privateStores(o), o.searchUsers);
            }
            dev.atrium.bench.imports.ImportRate.Result imported = null;
            if (o.importUsers > 0) {
                progress("import: " + o.importUsers + " users of an App Services export by `atrium import app-services`");
                imported = dev.atrium.bench.imports.ImportRate.measure(o.serverJar(), t.privateStores(o), o.importUsers,
                        o.serverJvmOptions);
            }
            dev.atrium.bench.report.LoginsWhileSweeping whileSweeping = null;
            if (o.loginsWhileSweeping > 0) {
                whileSweeping = SweepUnderLoad.run(t.launched(), settings, o.loginsWhileSweeping);
            }
            BenchReport.Server server = new BenchReport.Server(t.base.toString(), t.app, t.storeUrl, storeVersion,
                    t.isLaunched(), o.client.name().toLowerCase(java.util.Locale.ROOT), o.concurrency, o.clientNetworks,
                    o.warmup.toMillis() / 1e3, o.duration.toMillis() / 1e3, o.poolSize);
            return new BenchReport(Machine.current(), server, t.startup(rssAfter), rampUp, ceiling, List.copyOf(baselines),
                    List.copyOf(results), ratios(baselines, results), footprint, sweep, search, imported, whileSweeping);
        }
    }

    private static List<dev.atrium.bench.report.Ratio> ratios(List<BaselineResult> baselines, List<LoadResult> results) {
        List<dev.atrium.bench.report.Ratio> all = new ArrayList<>(Ratios.of(baselines, results));
        all.addAll(GuestLimitComparison.ratios(results));
        return List.copyOf(all);
    }

    /** Every client on GET /health/live: the most this generator drives on this machine. */
    private LoadResult ceiling(BenchTarget t) {
        progress("load generator ceiling: GET /health/live");
        return LoadRun.run(Scenario.HEALTH, new LoadSettings(t.base, t.app, o.client, o.concurrency, o.warmup,
                o.ceilingDuration, t.pid, ClientNetworks.ONE));
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
        progress("baseline " + KeyRing.DEFAULT_ALGORITHM + " signing and verification");
        out.addAll(SigningBaseline.run(timing));
        return version;
    }

    static void progress(String line) {
        System.err.println("atrium-bench: " + line);
    }
}
