package dev.atrium.bench.report;

import dev.atrium.bench.baseline.BaselineResult;
import dev.atrium.bench.baseline.Footprint;
import dev.atrium.bench.baseline.SearchLatency;
import dev.atrium.bench.baseline.SweepRate;
import dev.atrium.bench.imports.ImportRate;
import dev.atrium.bench.load.LoadResult;
import dev.atrium.bench.load.RampUp;
import java.util.List;

/**
 * Everything one run measured. Nullable parts were not measured (no launched server: no
 * start-up; {@code --footprint}, {@code --sweep}, {@code --search} or {@code --import} not given; baselines skipped).
 *
 * @param server what was measured and how it was driven
 * @param startup the launched server's start-up, or null for a server started elsewhere
 * @param timeToPeak logins per second from the server's first request ({@code --time-to-peak}), or null
 * @param clientCeiling the load generator against GET /health/live, the most it can drive here
 * @param baselines the raw work of this machine, same run
 * @param ratios the scenarios as shares of the baselines
 */
public record BenchReport(Machine machine, Server server, Startup startup, RampUp.Result timeToPeak, LoadResult clientCeiling,
                          List<BaselineResult> baselines, List<LoadResult> scenarios, List<Ratio> ratios,
                          Footprint.Result footprint, SweepRate.Result sweep, SearchLatency.Result search,
                          ImportRate.Result importRate, LoginsWhileSweeping loginsWhileSweeping) {

    /** The server and the load's settings. */
    public record Server(String baseUrl, String appId, String store, String storeVersion, boolean launched,
                         String client, int concurrency, int clientNetworks, double warmupSeconds, double durationSeconds,
                         int poolSize) {}

    /**
     * @param readyMillis first start on an empty store (migrations, first app, keys)
     * @param rssIdleMb VmRSS 2 s after that first start
     * @param restartReadyMillis the same process stopped and started again on its store
     * @param rssIdleRestartMb VmRSS 2 s after the restart, before any load
     * @param rssAfterLoadMb after every scenario
     */
    public record Startup(double readyMillis, Double rssIdleMb, double restartReadyMillis, Double rssIdleRestartMb,
                          Double rssAfterLoadMb) {}

    /** Whether every request of every scenario (and of the ceiling) succeeded. */
    public boolean clean() {
        return scenarios.stream().allMatch(s -> s.errorCount() == 0) && (timeToPeak == null || timeToPeak.errorCount() == 0)
                && (loginsWhileSweeping == null
                    || loginsWhileSweeping.off().errorCount() == 0 && loginsWhileSweeping.on().errorCount() == 0)
                && (clientCeiling == null || clientCeiling.errorCount() == 0);
    }
}
