package dev.atrium.bench.report;

import dev.atrium.bench.baseline.BaselineResult;
import dev.atrium.bench.load.LoadResult;
import dev.atrium.bench.load.OperationResult;
import dev.atrium.bench.load.RampUp;
import dev.atrium.bench.server.ResourceUse;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** The human form of a report: one aligned table per part, rates per second, latencies in ms. */
public final class TextReport {
    private TextReport() {}

    public static void print(BenchReport r, PrintWriter out) {
        Machine m = r.machine();
        BenchReport.Server s = r.server();
        out.printf("Atrium bench: %d cores (%s), %,d MB RAM, %s%n", m.cores(), m.cpuModel(), m.memoryMb(), m.jdk());
        out.printf("server %s (%s), app %s, store %s [%s], pool %d%n", s.baseUrl(), s.launched() ? "launched" : "given",
                s.appId(), s.store(), s.storeVersion(), s.poolSize());
        out.printf("load: %d clients (%s HTTP/1.1) from %s, warm-up %.0f s, measured %.0f s%n", s.concurrency(), s.client(),
                s.clientNetworks() == 1 ? "one client network" : s.clientNetworks() + " client networks",
                s.warmupSeconds(), s.durationSeconds());
        if (r.startup() != null) {
            var st = r.startup();
            out.printf("start-up to ready: %.0f ms on an empty store, %.0f ms restarted; RSS idle %s MB, %s MB restarted, "
                    + "after load %s MB%n", st.readyMillis(), st.restartReadyMillis(), mb(st.rssIdleMb()),
                    mb(st.rssIdleRestartMb()), mb(st.rssAfterLoadMb()));
        }
        if (r.timeToPeak() != null) {
            printTimeToPeak(r.timeToPeak(), out);
        }
        if (r.clientCeiling() != null) {
            LoadResult c = r.clientCeiling();
            OperationResult h = c.operations().isEmpty() ? null : c.operations().get(0);
            out.printf("%nload generator ceiling (GET /health/live): %,.0f req/s, p50 %s ms, p99 %s ms, errors %d;%n"
                    + "  generator %.3f ms CPU/req (%.2f cores), server %s ms CPU/req, other processes %.2f cores%n",
                    c.perSecond(), h == null ? "-" : num(h.p50Ms()), h == null ? "-" : num(h.p99Ms()), c.errorCount(),
                    c.resources().benchCpuMsPerOp(), c.resources().benchCores(), num(c.resources().serverCpuMsPerOp()),
                    c.resources().otherCores());
        }
        if (!r.baselines().isEmpty()) {
            out.printf("%n%-22s %10s %9s %8s %8s %7s %5s %7s %7s %6s  %s%n", "baseline (same run)", "rate/s", "per thr",
                    "p50", "p99", "p99.9", "conn", "cpu ms", "pg ms", "other", "what");
            for (BaselineResult b : r.baselines()) {
                out.printf("%-22s %,10.0f %,9.0f %8s %8s %7s %5s %7s %7s %6.2f  %s%n", b.name(), b.perSecond(), b.perThread(),
                        num(b.p50Ms()), num(b.p99Ms()), num(b.p999Ms()), b.threads() + "/" + b.connections(),
                        num(b.cpuMsPerOp()), num(b.postgresCpuMsPerOp()), b.otherCores(), b.description());
            }
        }
        out.printf("%n%-12s %-8s %9s %8s %8s %8s %8s %6s  %7s %7s %7s %6s %5s %6s%n", "scenario", "op", "rate/s", "p50",
                "p99", "p99.9", "max", "errors", "srv ms", "pg ms", "gen ms", "other", "busy%", "RSS MB");
        for (LoadResult l : r.scenarios()) {
            ResourceUse u = l.resources();
            out.printf("%-12s %-8s %,9.0f %8s %8s %8s %8s %6d  %7s %7s %7s %6.2f %5.0f %6s%n", l.scenario(), "(all)",
                    l.perSecond(), "", "", "", "", l.errorCount(), num(u.serverCpuMsPerOp()), num(u.postgresCpuMsPerOp()),
                    num(u.benchCpuMsPerOp()), u.otherCores(), u.machineBusyPercent(), mb(u.serverRssMaxMb()));
            for (OperationResult o : l.operations()) {
                out.printf("%-12s %-8s %,9.0f %8s %8s %8s %8s%n", "", o.operation(), o.perSecond(), num(o.p50Ms()),
                        num(o.p99Ms()), num(o.p999Ms()), num(o.maxMs()));
            }
            for (Map.Entry<String, String> e : l.errorSamples().entrySet()) {
                out.printf("         failure %s (%s): %s%n", e.getKey(), l.errors().getOrDefault(e.getKey(), 0L), e.getValue());
            }
        }
        out.println("latencies in ms; srv / pg / gen ms: CPU per request of the server, PostgreSQL, this generator;");
        out.println("other: cores used by unrelated processes meanwhile (noise); busy%: all cores");
        if (!r.ratios().isEmpty()) {
            out.printf("%nratios to the baselines%n");
            for (Ratio q : r.ratios()) {
                out.printf("  %-12s ÷ %-26s %6.2f   %s%n", q.scenario(), q.baseline(), q.value(), q.meaning());
            }
        }
        if (r.footprint() != null) {
            var f = r.footprint();
            out.printf("%nfootprint (%s, %,d guests): %.0f bytes per guest", f.store(), f.guests(), f.bytesPerGuest());
            f.perTable().forEach((t, v) -> out.printf("; %s %.0f", t, v));
            out.println();
        }
        if (r.search() != null) {
            var x = r.search();
            out.printf("%nadmin users list (%s): %,d users, each with an e-mail (seeded in %.0f s); load %s before, %s after%n",
                    x.store(), x.users(), x.seedSeconds(), x.loadBefore(), x.loadAfter());
            out.printf("  %-56s %5s %9s %9s %9s %9s%n", "page of 26 + the total", "runs", "p50 ms", "p99 ms", "max ms", "total");
            for (var t : x.timings()) {
                out.printf("  %-56s %5d %9.2f %9.2f %9.2f %,9d%n", t.request(), t.runs(), t.p50Ms(), t.p99Ms(), t.maxMs(), t.total());
            }
        }
        if (r.sweep() != null) {
            var w = r.sweep();
            out.printf("%nsweep (%s): %,d expired guests deleted in %.1f s, %,.0f guests/s (%d batches, no pause)%n",
                    w.store(), w.guests(), w.seconds(), w.guestsPerSecond(), w.batches());
        }
        if (r.loginsWhileSweeping() != null) {
            var w = r.loginsWhileSweeping();
            out.printf("%nlogins while the server's sweeper deletes %,d expired guests (same server and store):%n", w.seeded());
            for (LoadResult l : java.util.List.of(w.off(), w.on())) {
                OperationResult o = l.operations().isEmpty() ? null : l.operations().getFirst();
                out.printf("  %-22s %,9.0f/s  p50 %s  p99 %s  p99.9 %s ms  errors %d  srv %s  pg %s  gen %s ms  other %.2f%n",
                        l.scenario(), l.perSecond(), o == null ? "-" : num(o.p50Ms()), o == null ? "-" : num(o.p99Ms()),
                        o == null ? "-" : num(o.p999Ms()), l.errorCount(), num(l.resources().serverCpuMsPerOp()),
                        num(l.resources().postgresCpuMsPerOp()), num(l.resources().benchCpuMsPerOp()),
                        l.resources().otherCores());
            }
            out.printf("  ratio %.2f (while sweeping ÷ sweeper idle); sweeper while serving: %,d guests in %.1f s, %,.0f/s%s%n",
                    w.loginRatio(), w.sweptWhileServing(), w.seconds(), w.sweptPerSecond(),
                    w.sweepFinished() ? " (finished before the window closed: seed more)" : ", " + String.format("%,d", w.left()) + " left");
        }
        if (r.importRate() != null) {
            out.printf("%n%s%n", dev.atrium.bench.imports.ImportRate.describe(r.importRate()));
        }
        out.flush();
    }

    private static void printTimeToPeak(RampUp.Result t, PrintWriter out) {
        int seconds = t.perSecond().size();
        out.printf("%ntime to peak (%d clients, guest logins from the first request, no warm-up, %d s):%n  logins/s by second:",
                t.concurrency(), seconds);
        for (int i = 0; i < seconds; i++) {
            out.printf("%s%,d", i % 10 == 0 ? String.format("%n  %3d-%-3d ", i + 1, Math.min(seconds, i + 10)) : " ", t.perSecond().get(i));
        }
        ResourceUse u = t.resources();
        out.printf("%n  peak (mean of s %d-%d) %,.0f/s; 90 %% of it (%,.0f/s) first reached in second %s; errors %d; "
                + "server %s ms CPU/login, other processes %.2f cores%n", t.peakFrom(), seconds, t.peakPerSecond(),
                0.9 * t.peakPerSecond(), t.secondsTo90() == null ? "- (never)" : t.secondsTo90().toString(), t.errorCount(),
                num(u.serverCpuMsPerOp()), u.otherCores());
        t.errorSamples().forEach((k, v) -> out.printf("         failure %s (%s): %s%n", k, t.errors().get(k), v));
    }

    private static String num(Double v) {
        return v == null ? "-" : num(v.doubleValue());
    }

    private static String num(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : v >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String mb(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.0f", v);
    }
}
