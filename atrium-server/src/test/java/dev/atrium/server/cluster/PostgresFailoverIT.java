package dev.atrium.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.NodeProcess;
import dev.atrium.server.testing.PgPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL failover under guest-login load: a primary and a synchronous streaming standby of
 * the test's own ({@link PgPair}), Atrium given both in one multi-host URL
 * ({@code targetServerType=primary}). The primary is killed, the standby promoted a second later;
 * the node recovers by itself (no restart), answering 503 with {@code Retry-After} meanwhile and
 * unready, and every login it acknowledged refreshes afterwards. The figures (seconds without
 * service, failed requests, how fast the 503s came, the standby's lag) are printed, not asserted
 * beyond generous bounds: docs/scaling.md reports them.
 */
@Tag("postgres")
class PostgresFailoverIT {
    static final int CLIENTS = 8;
    /** How long the failure detection of a real deployment (Patroni, a managed service) takes, roughly. */
    static final Duration DETECTION = Duration.ofSeconds(1);

    record Outcome(long startMs, long ms, int status, String errorCode, boolean retryAfter) {}

    record Guest(String userId, String refreshToken) {}

    @Test
    void primaryKilledStandbyPromotedUnderLoadThen503sMeanwhileRecoveryWithoutRestartAndEveryAcknowledgedLoginRefreshes(
            @TempDir Path pgDir, @TempDir Path data) throws Exception {
        try (PgPair pg = PgPair.start(pgDir);
             NodeProcess node = NodeProcess.launch("--store", pg.jdbcUrl(), "--data-dir", data.toString()).awaitReady()) {
            String admin = Files.readString(data.resolve("admin-token")).trim();
            assertThat(Http.send("PATCH", node.baseUrl() + "/api/admin/v1/apps/" + node.appId() + "/settings", admin,
                    "{\"guest_rate_per_hour\":100000000,\"guest_burst\":100000000}").status()).isEqualTo(200);
            String login = node.baseUrl() + "/api/client/v2.0/app/" + node.appId() + "/auth/providers/anon-user/login";
            long origin = System.nanoTime();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Outcome> outcomes = new CopyOnWriteArrayList<>();
            List<Guest> acknowledged = new CopyOnWriteArrayList<>();
            List<long[]> readiness = new CopyOnWriteArrayList<>(); // {ms since origin, status}
            ExecutorService load = Executors.newFixedThreadPool(CLIENTS + 1);
            for (int i = 0; i < CLIENTS; i++) {
                load.submit(() -> {
                    while (running.get()) {
                        long t0 = System.nanoTime();
                        Http.Reply r = Http.send("POST", login, null, "{}");
                        long start = (t0 - origin) / 1_000_000;
                        long ms = (System.nanoTime() - t0) / 1_000_000;
                        if (r.status() == 200) {
                            acknowledged.add(new Guest(r.json().get("user_id").asText(), r.json().get("refresh_token").asText()));
                        }
                        outcomes.add(new Outcome(start, ms, r.status(), r.status() == 200 ? null : r.json().path("error_code").asText(),
                                r.raw().headers().firstValue("Retry-After").isPresent()));
                    }
                    return null;
                });
            }
            load.submit(() -> {
                while (running.get()) {
                    int status = Http.send("GET", node.baseUrl() + "/health/ready", null, null).status();
                    readiness.add(new long[] {(System.nanoTime() - origin) / 1_000_000, status});
                    Thread.sleep(100);
                }
                return null;
            });

            Thread.sleep(1_000); // warm
            long cpu0 = pg.cpuMillis(pg.primaryPort);
            long wal0 = pg.walBytes();
            long served0 = acknowledged.size();
            Thread.sleep(2_000);
            long logins = acknowledged.size() - served0;
            double cpuPerLogin = (double) (pg.cpuMillis(pg.primaryPort) - cpu0) / logins;
            double walPerLogin = (double) (pg.walBytes() - wal0) / logins;
            ReplicaLag lag = ReplicaLag.measure(pg, 40);
            long killedAt = (System.nanoTime() - origin) / 1_000_000;
            pg.killPrimary();
            long deadAt = (System.nanoTime() - origin) / 1_000_000;
            Thread.sleep(DETECTION.toMillis());
            long promoteAt = (System.nanoTime() - origin) / 1_000_000;
            pg.promoteStandby();
            long promotedAt = (System.nanoTime() - origin) / 1_000_000;
            MultiNodeIT.awaitTrue(() -> outcomes.stream().anyMatch(o -> o.startMs() > promotedAt && o.status() == 200),
                    Duration.ofSeconds(30));
            Thread.sleep(2_000);
            // Then the new primary is restarted (maintenance): 2 s away, then back.
            pg.stopPromoted();
            long stoppedAt = (System.nanoTime() - origin) / 1_000_000;
            Thread.sleep(2_000);
            pg.startPromoted();
            long restartedAt = (System.nanoTime() - origin) / 1_000_000;
            MultiNodeIT.awaitTrue(() -> outcomes.stream().anyMatch(o -> o.startMs() >= restartedAt && o.status() == 200),
                    Duration.ofSeconds(30));
            Thread.sleep(1_000);
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            List<Outcome> failed = outcomes.stream().filter(o -> o.status() != 200).toList();
            long lastBefore = outcomes.stream().filter(o -> o.status() == 200 && o.startMs() < killedAt)
                    .mapToLong(o -> o.startMs() + o.ms()).max().orElseThrow();
            long firstAfter = outcomes.stream().filter(o -> o.status() == 200 && o.startMs() >= deadAt)
                    .mapToLong(o -> o.startMs() + o.ms()).min().orElseThrow();
            long backAfterPromotion = outcomes.stream().filter(o -> o.status() == 200 && o.startMs() >= promotedAt)
                    .mapToLong(o -> o.startMs() + o.ms()).min().orElseThrow() - promotedAt;
            List<Long> failMs = failed.stream().map(Outcome::ms).sorted().toList();
            System.out.printf("FAILOVER figures: %d logins, %d acknowledged, %d failed (all 503); no service for %.2f s "
                            + "(last login answered before the primary died to the first sent after); primary killed at %d ms "
                            + "(dead at %d), promote asked at %d, done at %d, the first login sent after it answered %d ms later; "
                            + "503s took max %d ms, median %d ms; readiness 503 for %d probes (every 100 ms)%n",
                    outcomes.size(), acknowledged.size(), failed.size(), (firstAfter - lastBefore) / 1000.0, killedAt, deadAt,
                    promoteAt, promotedAt, backAfterPromotion, failMs.isEmpty() ? 0 : failMs.get(failMs.size() - 1),
                    failMs.isEmpty() ? 0 : failMs.get(failMs.size() / 2),
                    readiness.stream().filter(r -> r[1] == 503).count());
            long backAfterRestart = outcomes.stream().filter(o -> o.status() == 200 && o.startMs() >= restartedAt)
                    .mapToLong(o -> o.startMs() + o.ms()).min().orElseThrow() - restartedAt;
            long slowestWhileStopped = outcomes.stream().filter(o -> o.status() != 200 && o.startMs() >= stoppedAt
                    && o.startMs() < restartedAt).mapToLong(Outcome::ms).max().orElse(0);
            System.out.printf("OUTAGE figures: the new primary stopped for 2 s: %d requests failed meanwhile, the slowest 503 took %d ms; "
                            + "the first login sent after it was back answered %d ms later%n",
                    outcomes.stream().filter(o -> o.status() != 200 && o.startMs() >= stoppedAt - 1_000).count(),
                    slowestWhileStopped, backAfterRestart);
            StringBuilder timeline = new StringBuilder("FAILOVER timeline (per 250 ms from the kill: answered/503):");
            for (long t = killedAt - 1_000; t < promotedAt + 1_500; t += 250) {
                long from = t;
                timeline.append(String.format(" %+d:%d/%d", from - killedAt,
                        outcomes.stream().filter(o -> o.startMs() + o.ms() >= from && o.startMs() + o.ms() < from + 250
                                && o.status() == 200).count(),
                        outcomes.stream().filter(o -> o.startMs() + o.ms() >= from && o.startMs() + o.ms() < from + 250
                                && o.status() != 200).count()));
            }
            System.out.println(timeline);
            System.out.println("REPLICA LAG figures: " + lag);
            System.out.printf("PRIMARY figures: %d logins in 2 s, primary's CPU %.3f ms and WAL %.0f bytes per login "
                    + "(synchronous standby attached)%n", logins, cpuPerLogin, walPerLogin);

            assertThat(node.alive()).as("recovered by itself, never restarted").isTrue();
            assertThat(failed).as("the outage must be seen by the load").isNotEmpty();
            assertThat(failed).as("every failure is a JSON 503 StoreUnavailable with Retry-After").allSatisfy(o -> {
                assertThat(o.status()).isEqualTo(503);
                assertThat(o.errorCode()).isEqualTo("StoreUnavailable");
                assertThat(o.retryAfter()).isTrue();
            });
            assertThat(failMs.get(failMs.size() - 1)).as("failing fast, generously bounded").isLessThan(10_000);
            assertThat(readiness).as("unready during the outage").anySatisfy(r -> assertThat(r[1]).isEqualTo(503L));
            assertThat(readiness.get(readiness.size() - 1)[1]).as("ready again").isEqualTo(200L);
            assertEveryAcknowledgedLoginRefreshes(node, acknowledged, pg);
            assertThat(count(pg, "SELECT count(*) FROM users")).as("every acknowledged guest is on the new primary")
                    .isGreaterThanOrEqualTo(acknowledged.size());
        }
    }

    private static void assertEveryAcknowledgedLoginRefreshes(NodeProcess node, List<Guest> acknowledged, PgPair pg)
            throws Exception {
        Map<String, Integer> refused = new ConcurrentHashMap<>();
        long cpu0 = pg.cpuMillis(pg.standbyPort);
        long t0 = System.nanoTime();
        ExecutorService refreshers = Executors.newFixedThreadPool(CLIENTS);
        for (List<Guest> part : partition(acknowledged, CLIENTS)) {
            refreshers.submit(() -> {
                for (Guest g : part) {
                    int status = Http.send("POST", node.baseUrl() + "/api/client/v2.0/auth/session", g.refreshToken(), null).status();
                    if (status != 201) {
                        refused.put(g.userId(), status);
                    }
                }
            });
        }
        refreshers.shutdown();
        assertThat(refreshers.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("FAILOVER figures: %d of %d acknowledged logins refresh after the failover (%.0f/s); the new "
                        + "primary's CPU %.3f ms per refresh (8 clients, no standby)%n", acknowledged.size() - refused.size(),
                acknowledged.size(), acknowledged.size() / seconds,
                (double) (pg.cpuMillis(pg.standbyPort) - cpu0) / acknowledged.size());
        assertThat(refused).as("acknowledged logins that no longer refresh").isEmpty();
    }

    private static <T> List<List<T>> partition(List<T> all, int parts) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            out.add(new ArrayList<>());
        }
        for (int i = 0; i < all.size(); i++) {
            out.get(i % parts).add(all.get(i));
        }
        return out;
    }

    private static long count(PgPair pg, String sql) throws Exception {
        try (Connection c = pg.connect(pg.standbyPort); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * How far the standby trails the primary under the load: {@code samples} rows committed on the
     * primary (synchronous commit: flushed on the standby) and looked for on the standby right
     * after the commit returns; how many were not visible yet, and how long the slowest took.
     */
    record ReplicaLag(int samples, int notVisibleAtOnce, double maxVisibleAfterMs, double maxReplayLagMs) {
        static ReplicaLag measure(PgPair pg, int samples) throws Exception {
            int late = 0;
            double worst = 0;
            double replay = 0;
            try (Connection primary = pg.connect(pg.primaryPort); Connection standby = pg.connect(pg.standbyPort)) {
                try (Statement s = primary.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS lag_probe (n INT PRIMARY KEY)");
                }
                for (int n = 0; n < samples; n++) {
                    try (PreparedStatement ins = primary.prepareStatement("INSERT INTO lag_probe VALUES (?)")) {
                        ins.setInt(1, n);
                        ins.executeUpdate();
                    }
                    long committed = System.nanoTime();
                    boolean first = true;
                    while (true) {
                        try (PreparedStatement q = standby.prepareStatement("SELECT 1 FROM lag_probe WHERE n = ?")) {
                            q.setInt(1, n);
                            try (ResultSet rs = q.executeQuery()) {
                                if (rs.next()) {
                                    break;
                                }
                            }
                        } catch (java.sql.SQLException notYetCreated) {
                            // the table itself may not be replayed yet
                        }
                        if (first) {
                            late++;
                            first = false;
                        }
                        if (System.nanoTime() - committed > 5_000_000_000L) {
                            break;
                        }
                    }
                    worst = Math.max(worst, (System.nanoTime() - committed) / 1e6);
                    replay = Math.max(replay, pg.replayLagMillis());
                    Thread.sleep(20);
                }
            }
            return new ReplicaLag(samples, late, worst, replay);
        }
    }
}
