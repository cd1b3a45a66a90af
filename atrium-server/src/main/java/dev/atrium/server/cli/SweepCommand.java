package dev.atrium.server.cli;

import dev.atrium.core.lifecycle.SweepReport;
import dev.atrium.core.lifecycle.SweepRequest;
import dev.atrium.core.store.AtriumStore;
import dev.atrium.server.app.Atrium;
import dev.atrium.server.app.Stores;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code atrium sweep}: deletes (or with --dry-run counts) guests inactive past their app's period. */
@Command(name = "sweep", description = "Delete guests inactive longer than the app's inactivity period (default 90d).")
final class SweepCommand extends CliCommand {
    @Mixin
    ConfigOptions options;
    @Option(names = "--app", description = "only this app (default: every app)")
    String appId;
    @Option(names = "--dry-run", description = "count and show what would be deleted; delete nothing")
    boolean dryRun;
    @Option(names = "--older-than", paramLabel = "DURATION", converter = DurationOption.class,
            description = "override the apps' inactivity period, e.g. 30d")
    Duration olderThan;
    @Option(names = "--batch-size", paramLabel = "N", description = "guests per transaction (default: config sweep-batch-size, 1000)")
    Integer batchSize;
    @Option(names = "--pause", paramLabel = "DURATION", converter = DurationOption.class,
            description = "pause between batches (default 50ms, or config sweep-pause if longer)")
    Duration pause;
    /**
     * This process cannot see a server's requests (serve yields to them, sweep-yield), so it always pauses:
     * a sweep by hand usually runs beside a serving node.
     */
    private static final Duration BY_HAND = Duration.ofMillis(50);

    @Override
    public void run() {
        var config = options.load();
        int batch = batchSize != null ? batchSize : config.lifecycle().sweepBatchSize();
        if (batch < 1 || batch > 10_000) {
            throw new AtriumCommand.CommandFailure("--batch-size must be 1..10000");
        }
        Duration configured = config.lifecycle().sweepPause();
        Duration between = pause != null ? pause : configured.compareTo(BY_HAND) > 0 ? configured : BY_HAND;
        var out = out();
        try (AtriumStore store = Stores.openExisting(config, 2)) {
            var reports = Atrium.sweeper(store, Clock.systemUTC()).sweep(new SweepRequest(appId, olderThan, batch,
                    between, dryRun ? SweepRequest.Mode.DRY_RUN : SweepRequest.Mode.DELETE), d -> Thread.sleep(d.toMillis()));
            if (appId != null && reports.isEmpty()) {
                throw new AtriumCommand.CommandFailure("no app with id '" + appId + "'");
            }
            for (SweepReport r : reports) {
                if (r.dryRun()) {
                    out.printf("app %s: would delete %d guests inactive since before %s%s%n", r.appId(), r.guests(), r.cutoff(),
                            r.sample().isEmpty() ? "" : " (e.g. " + String.join(", ", r.sample()) + ")");
                } else {
                    out.printf("app %s: deleted %d guests inactive since before %s in %d batches, %d ms%n", r.appId(),
                            r.guests(), r.cutoff(), r.batches(), r.took().toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtriumCommand.CommandFailure("interrupted");
        }
    }
}
