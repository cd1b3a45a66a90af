package dev.atrium.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.bench.http.ClientKind;
import dev.atrium.bench.load.ClientNetworks;
import dev.atrium.bench.load.LoadSettings;
import dev.atrium.bench.report.LoginsWhileSweeping;
import dev.atrium.bench.server.LaunchedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --logins-while-sweeping} end to end on a launched server (SQLite): both login windows run without
 * a failure, every seeded guest is accounted for, and the server's own sweeper deletes them all once their
 * inactivity is back at 90 days. No timing assertion: how fast is the bench's to measure.
 */
class SweepUnderLoadTest {
    /** Built by atrium-server's package phase, before this module's tests in the reactor. */
    private static final Path JAR = Path.of("../atrium-server/target/atrium-server.jar").toAbsolutePath().normalize();

    @Test
    void loginsRunWithTheSweeperIdleThenWhileItDeletesEverySeededGuest() throws Exception {
        try (LaunchedServer server = LaunchedServer.start(JAR, null, 2, List.of("-XX:+UseSerialGC", "-Xmx256m"),
                SweepUnderLoad.SERVE_ARGS, false)) {
            LoadSettings settings = new LoadSettings(server.base(), server.appId(), ClientKind.RAW, 2,
                    Duration.ofMillis(300), Duration.ofSeconds(1), server.pid(), ClientNetworks.ONE);

            LoginsWhileSweeping r = SweepUnderLoad.run(server, settings, 3_000);

            assertThat(r.seeded()).isEqualTo(3_000);
            assertThat(r.off().errorCount()).as(r.off().errorSamples().toString()).isZero();
            assertThat(r.on().errorCount()).as(r.on().errorSamples().toString()).isZero();
            assertThat(r.off().requests()).isPositive();
            assertThat(r.on().requests()).isPositive();
            assertThat(r.sweptWhileServing() + r.left()).isEqualTo(3_000);
            long left = r.left();
            for (int i = 0; i < 600 && left > 0; i++) {
                Thread.sleep(100);
                left = SweepUnderLoad.left(server);
            }
            assertThat(left).as("the server's sweeper deletes every seeded guest").isZero();
        }
    }
}
