package dev.atrium.bench;

import dev.atrium.bench.baseline.BaselineStore;
import dev.atrium.bench.baseline.SweepRate;
import dev.atrium.bench.http.ClientKind;
import dev.atrium.bench.http.HttpConnection;
import dev.atrium.bench.http.Reply;
import dev.atrium.bench.load.LoadResult;
import dev.atrium.bench.load.LoadRun;
import dev.atrium.bench.load.LoadSettings;
import dev.atrium.bench.load.Scenario;
import dev.atrium.bench.report.LoginsWhileSweeping;
import dev.atrium.bench.server.LaunchedServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Guest logins while the server's own sweeper deletes a big backlog ({@code --logins-while-sweeping N}):
 * N guests last active 100 days ago seeded into the launched server's store, with the app's inactivity
 * first set to ten years so its sweeper (started with {@code --sweep-interval 1s}) finds none; logins
 * measured so, the sweeper off; then the inactivity set back to 90 days through the admin API, so the
 * sweeper starts on its next round, and logins measured again on the same server, store and backlog.
 * The sweeper's rate while serving is the seeded guests gone between that change and the end of the
 * second window, over that time; the sweep must still run when the window closes, or the window was
 * partly idle (reported as {@code sweepFinished}).
 */
final class SweepUnderLoad {
    /** The serve argument that lets the sweeper start within a second of the change. */
    static final List<String> SERVE_ARGS = List.of("--sweep-interval=1s");
    static final String OFF = "login-sweeper-off";
    static final String ON = "login-while-sweeping";
    private static final Duration TEN_YEARS = Duration.ofDays(3650);
    private static final Duration NINETY_DAYS = Duration.ofDays(90);

    private SweepUnderLoad() {}

    static LoginsWhileSweeping run(LaunchedServer server, LoadSettings settings, int guests) {
        try {
            setInactivity(server, TEN_YEARS);
            BenchRun.progress("logins while sweeping: seeding " + guests + " expired guests into the server's store");
            SweepRate.seed(BaselineStore.connect(server.store()), server.appId(), guests);
            settle(server);
            BenchRun.progress("logins while sweeping: login, sweeper idle (nothing expired at a ten-year inactivity)");
            LoadResult off = relabel(LoadRun.run(Scenario.LOGIN, settings), OFF);
            long before = left(server);
            long t0 = System.nanoTime();
            setInactivity(server, NINETY_DAYS);
            BenchRun.progress("logins while sweeping: login while the server's sweeper deletes them (inactivity 90 days)");
            LoadResult on = relabel(LoadRun.run(Scenario.LOGIN, settings), ON);
            long after = left(server);
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new LoginsWhileSweeping(before, off, on, before - after, seconds, after);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("logins while sweeping: " + e.getMessage(), e);
        }
    }

    /**
     * After the bulk load, so the first window does not pay for it: PostgreSQL's statistics (what autovacuum
     * would do; SQLite's server never analyzes), SQLite's write-ahead log folded into the file.
     */
    private static void settle(LaunchedServer server) throws SQLException {
        try (Connection c = BaselineStore.connect(server.store()); Statement s = c.createStatement()) {
            s.execute(server.store().schema() == null ? "PRAGMA wal_checkpoint(TRUNCATE)" : "ANALYZE users, identities, sessions");
        }
    }

    /** Seeded guests still in the server's store. */
    static long left(LaunchedServer server) throws SQLException {
        try (Connection c = BaselineStore.connect(server.store())) {
            return SweepRate.seededLeft(c, server.appId());
        }
    }

    /** Through the admin API, as an operator would: the node drops its cached settings of the app at once. */
    private static void setInactivity(LaunchedServer server, Duration inactivity) throws IOException {
        try (HttpConnection c = ClientKind.RAW.factory(server.base()).get()) {
            String token = Files.readString(server.store().dir().resolve("admin-token")).trim();
            Reply r = c.send("PATCH", "/api/admin/v1/apps/" + server.appId() + "/settings", token,
                    ("{\"inactivity_s\":" + inactivity.toSeconds() + "}").getBytes(StandardCharsets.UTF_8));
            if (r.status() != 200) {
                throw new IOException("setting the inactivity answered " + r.status() + ": " + r.text());
            }
        }
    }

    private static LoadResult relabel(LoadResult r, String label) {
        return new LoadResult(label, r.concurrency(), r.seconds(), r.requests(), r.perSecond(), r.operations(), r.errors(),
                r.warmupErrors(), r.errorSamples(), r.resources());
    }
}
