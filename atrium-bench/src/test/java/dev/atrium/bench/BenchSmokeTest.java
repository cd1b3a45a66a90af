package dev.atrium.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.bench.baseline.BaselineResult;
import dev.atrium.bench.load.LoadResult;
import dev.atrium.bench.report.BenchReport;
import dev.atrium.server.app.Atrium;
import dev.atrium.server.config.AtriumConfig;
import dev.atrium.store.jdbc.ScratchStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The bench end to end against a real server in this JVM on SQLite: every scenario, the client
 * ceiling, the time to peak, the baselines, the footprint, the sweep and the users list's timings complete, with zero failed requests and non-zero
 * rates. Deliberately no timing assertion: benchmarks measure, tests only check they can.
 */
class BenchSmokeTest {
    @TempDir
    Path dir;

    @Test
    void everyScenarioRunsWithoutFailures() {
        ScratchStore scratch = ScratchStore.createSqlite(dir.resolve("store"));
        AtriumConfig config = new AtriumConfig("127.0.0.1", 0, null, scratch.dir(), scratch.storeUrl(), 8,
                Duration.ofSeconds(2), null, Duration.ofSeconds(5));
        try (Atrium atrium = Atrium.start(config, Clock.systemUTC())) {
            scratch.liftGuestLimits(atrium.firstStart().app().id());
            BenchCommand bench = new BenchCommand();
            new CommandLine(bench).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(
                    "--url", atrium.publicUrl(), "--app", atrium.firstStart().app().id(),
                    "--concurrency", "4", "--warmup", "500ms", "--duration", "2s", "--ceiling-duration", "1s",
                    "--baseline-warmup", "200ms", "--baseline-duration", "500ms", "--footprint", "300",
                    "--sweep", "2500", "--search", "1200", "--time-to-peak", "2s");

            BenchReport report = bench.runBench();

            assertThat(report.scenarios()).extracting(LoadResult::scenario)
                    .containsExactly("login", "refresh", "profile", "mix");
            for (LoadResult scenario : report.scenarios()) {
                assertThat(scenario.errorCount()).as(scenario.scenario() + " failures: " + scenario.errorSamples()).isZero();
                assertThat(scenario.perSecond()).as(scenario.scenario()).isPositive();
            }
            assertThat(report.scenarios().get(3).operations()).extracting(o -> o.operation())
                    .contains("login", "refresh", "profile", "logout");
            assertThat(report.timeToPeak().perSecond()).as("one count per second of the run").hasSize(2);
            assertThat(report.timeToPeak().errorCount()).as("time-to-peak failures: " + report.timeToPeak().errorSamples()).isZero();
            assertThat(report.timeToPeak().peakPerSecond()).isPositive();
            assertThat(report.timeToPeak().secondsTo90()).as("the peak's own seconds reach it").isNotNull();
            assertThat(report.clientCeiling().errorCount()).isZero();
            assertThat(report.clientCeiling().perSecond()).isPositive();
            assertThat(report.baselines()).extracting(BaselineResult::name)
                    .containsExactly("insert-transaction", "sign-1-thread", "sign-all-cores", "verify-1-thread");
            assertThat(report.baselines()).allSatisfy(b -> assertThat(b.perSecond()).as(b.name()).isPositive());
            assertThat(report.ratios()).isNotEmpty();
            assertThat(report.footprint().bytesPerGuest()).isPositive();
            assertThat(report.sweep().guests()).as("every seeded guest is past 90 days and swept").isEqualTo(2500);
            assertThat(report.sweep().batches()).isEqualTo(3);
            assertThat(report.search().timings()).as("every kind of list request was timed").hasSize(10)
                    .allMatch(t -> t.p50Ms() >= 0 && t.runs() > 0);
            assertThat(report.search().timings().getFirst().total()).as("a whole address finds its user").isEqualTo(1);
            assertThat(report.search().timings().get(5).total()).as("no search: the total is every user").isEqualTo(1200);
            assertThat(report.clean()).isTrue();
        }
    }
}
