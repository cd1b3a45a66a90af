package dev.atrium.bench;

import dev.atrium.bench.load.LoadResult;
import dev.atrium.bench.load.LoadRun;
import dev.atrium.bench.load.LoadSettings;
import dev.atrium.bench.load.Scenario;
import dev.atrium.bench.report.Ratio;
import dev.atrium.bench.server.LaunchedServer;
import java.util.ArrayList;
import java.util.List;

/**
 * What shared guest limits cost ({@code --compare-guest-limits N}): guest logins against the
 * launched server (limits kept by the store: on PostgreSQL, taken in the sign-up statement) and
 * against a second server on the same store started with {@code --guest-limits node} (buckets in
 * its memory, the old per-node way), alternating N rounds of each so both see the same machine
 * and the same database, the order swapped every round so a drift of the machine favours neither.
 * The second server first gets one unmeasured login window of its own: the launched one has run
 * the scenarios before and its JIT is warm. Only one of the two is loaded at a time.
 */
final class GuestLimitComparison {
    static final String SHARED = "login-shared";
    static final String NODE = "login-node";

    private GuestLimitComparison() {}

    /** The 2 × {@code rounds} windows: node first in odd rounds, shared first in even ones. */
    static List<LoadResult> run(LaunchedServer shared, LoadSettings sharedSettings, int rounds) {
        List<LoadResult> out = new ArrayList<>();
        try (LaunchedServer node = shared.startBeside(List.of("--guest-limits", "node"))) {
            LoadSettings nodeSettings = new LoadSettings(node.base(), node.appId(), sharedSettings.client(),
                    sharedSettings.concurrency(), sharedSettings.warmup(), sharedSettings.duration(), node.pid(),
                    sharedSettings.networks());
            BenchRun.progress("guest limits: warming the per-node server up (not measured)");
            LoadRun.run(Scenario.LOGIN, nodeSettings);
            for (int r = 1; r <= rounds; r++) {
                for (boolean nodeTurn : r % 2 == 1 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                    BenchRun.progress("guest limits, round " + r + " of " + rounds + ": login with "
                            + (nodeTurn ? "per-node limits" : "limits shared in the store"));
                    out.add(relabel(LoadRun.run(Scenario.LOGIN, nodeTurn ? nodeSettings : sharedSettings), nodeTurn ? NODE : SHARED));
                }
            }
        }
        return out;
    }

    /** Shared ÷ per-node, over all rounds' requests; none when the comparison did not run. */
    static List<Ratio> ratios(List<LoadResult> results) {
        double shared = rate(results, SHARED);
        double node = rate(results, NODE);
        if (shared == 0 || node == 0) {
            return List.of();
        }
        return List.of(new Ratio(SHARED, NODE, shared / node,
                "guest logins/s with limits shared in the store ÷ with per-node limits (same run, alternating rounds)"));
    }

    private static double rate(List<LoadResult> results, String label) {
        List<LoadResult> of = results.stream().filter(r -> r.scenario().equals(label)).toList();
        double seconds = of.stream().mapToDouble(LoadResult::seconds).sum();
        return seconds == 0 ? 0 : of.stream().mapToLong(LoadResult::requests).sum() / seconds;
    }

    private static LoadResult relabel(LoadResult r, String label) {
        return new LoadResult(label, r.concurrency(), r.seconds(), r.requests(), r.perSecond(), r.operations(), r.errors(),
                r.warmupErrors(), r.errorSamples(), r.resources());
    }
}
