package dev.atrium.bench.baseline;

import dev.atrium.core.kernel.Telemetry;
import dev.atrium.core.lifecycle.SweepReport;
import dev.atrium.core.lifecycle.SweepRequest;
import dev.atrium.core.lifecycle.Sweeper;
import dev.atrium.store.jdbc.JdbcStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The sweeper's rate: {@code guests} guests last active 100 days ago (past the default 90-day
 * inactivity) inserted into a fresh store of the server's kind, then deleted by the server's own
 * {@link Sweeper} over the server's store classes, in batches of {@link #BATCH} with no pause
 * (the pause only spreads the same work out; {@code serve} uses 50 ms). Timed from the first batch
 * to the last; the seeding is not timed.
 */
public final class SweepRate {
    /** The server's default {@code sweep-batch-size}. */
    static final int BATCH = 1_000;
    private static final int SEED_COMMIT = 5_000;
    /** Rows per JDBC batch while seeding (a divisor of {@link #SEED_COMMIT}). */
    private static final int SEED_BATCH = 500;
    /** Past the default 90-day inactivity (and the day a seed of up to 86 million guests spans). */
    private static final Duration EXPIRED_FOR = Duration.ofDays(100);

    /** @param seconds wall time of the sweep; @param batches transactions it took */
    public record Result(String store, long guests, double seconds, double guestsPerSecond, int batches) {}

    private SweepRate() {}

    public static Result measure(String serverStoreUrl, int guests) {
        try (BaselineStore store = BaselineStore.besides(serverStoreUrl)) {
            seed(store, guests);
            try (JdbcStore jdbc = store.open(2)) {
                Sweeper sweeper = new Sweeper(jdbc.apps(), jdbc.sweeps(), Telemetry.NONE, Clock.systemUTC());
                long start = System.nanoTime();
                List<SweepReport> reports = sweeper.sweep(new SweepRequest(store.appId(), null, BATCH, Duration.ZERO,
                        SweepRequest.Mode.DELETE), d -> {});
                double seconds = (System.nanoTime() - start) / 1e9;
                long deleted = reports.getFirst().guests();
                return new Result(store.dialect().name().toLowerCase(java.util.Locale.ROOT), deleted, seconds,
                        deleted / seconds, reports.getFirst().batches());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("sweep measurement failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep measurement interrupted", e);
        }
    }

    private static void seed(BaselineStore store, int guests) throws SQLException {
        seed(store.connect(), store.appId(), guests);
        store.settleStatistics();
    }

    /**
     * Inserts {@code guests} guests of {@code appId} last active 100 days ago through {@code connection}, in
     * transactions of {@value #SEED_COMMIT}, and closes it. The launched server's own store is seeded the same way
     * ({@code --logins-while-sweeping}).
     */
    public static void seed(Connection connection, String appId, int guests) throws SQLException {
        Instant expired = Instant.now().minus(EXPIRED_FOR);
        try (GuestInserter inserter = new GuestInserter(connection, appId, InsertForm.TRANSACTION)) {
            Connection c = inserter.connection();
            for (int i = 1; i <= guests; i++) {
                inserter.addRows(expired.plusMillis(i % 86_400_000L));
                if (i % SEED_BATCH == 0 || i == guests) {
                    inserter.flush();
                }
                if (i % SEED_COMMIT == 0 || i == guests) {
                    c.commit();
                }
            }
        }
    }

    /** How many guests of {@code appId} seeded by {@link #seed} are still there. */
    public static long seededLeft(Connection c, String appId) throws SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM users WHERE app_id = ? AND anonymous = ? AND last_active_at < ?")) {
            ps.setString(1, appId);
            ps.setBoolean(2, true);
            ps.setLong(3, Instant.now().minus(EXPIRED_FOR.minusDays(2)).toEpochMilli());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
