package dev.atrium.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.NodeProcess;
import dev.atrium.server.testing.PgCluster;
import dev.atrium.server.testing.PgSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
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
 * PostgreSQL stopped while a node is under load: requests fail fast with a JSON
 * 503, readiness turns unready, nothing half-written remains, nothing acknowledged is lost, and
 * the node recovers by itself when the database is back.
 */
@Tag("postgres")
class DatabaseFaultIT {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    record Outcome(int status, String errorCode, long millis, boolean duringOutage, long startedAt) {}

    @Test
    void databaseStoppedUnderLoadThenFastJson503sUnreadyNoHalfWritesAndRecovery(@TempDir Path dir) throws Exception {
        try (PgSchema pg = new PgSchema();
             NodeProcess node = NodeProcess.launch("--store", pg.url, "--store-schema", pg.name, "--data-dir", dir.toString(),
                     "--store-connect-timeout", CONNECT_TIMEOUT.toMillis() + "ms").awaitReady()) {
            String login = node.baseUrl() + "/api/client/v2.0/app/" + node.appId() + "/auth/providers/anon-user/login";
            // One test client makes every sign-up: lift the per-address limit (this test is about the database).
            String admin = java.nio.file.Files.readString(dir.resolve("admin-token")).trim();
            assertThat(Http.send("PATCH", node.baseUrl() + "/api/admin/v1/apps/" + node.appId() + "/settings", admin,
                    "{\"guest_rate_per_hour\":10000000,\"guest_burst\":10000000}").status()).isEqualTo(200);
            AtomicBoolean outage = new AtomicBoolean(false);
            AtomicBoolean running = new AtomicBoolean(true);
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            List<Outcome> outcomes = new CopyOnWriteArrayList<>();
            long origin = System.nanoTime();
            ExecutorService load = Executors.newFixedThreadPool(6);
            for (int i = 0; i < 6; i++) {
                load.submit(() -> {
                    while (running.get()) {
                        boolean during = outage.get();
                        long t0 = System.nanoTime();
                        Http.Reply r;
                        try {
                            r = Http.send("POST", login, null, "{}");
                        } catch (RuntimeException e) {
                            outcomes.add(new Outcome(-1, e.toString(), 0, during, (t0 - origin) / 1_000_000));
                            continue;
                        }
                        long ms = (System.nanoTime() - t0) / 1_000_000;
                        if (r.status() == 200) {
                            acknowledged.add(r.json().get("user_id").asText());
                        }
                        String code = r.status() == 200 ? null : r.json().path("error_code").asText();
                        outcomes.add(new Outcome(r.status(), code, ms, during, (t0 - origin) / 1_000_000));
                    }
                    return null;
                });
            }
            try {
                Thread.sleep(1_000);
                System.out.println("stopping PostgreSQL at " + (System.nanoTime() - origin) / 1_000_000 + " ms");
                PgCluster.stop();
                outage.set(true);
                System.out.println("stopped PostgreSQL at " + (System.nanoTime() - origin) / 1_000_000 + " ms");
                Thread.sleep(4_000);
                Http.Reply ready = Http.send("GET", node.baseUrl() + "/health/ready", null, null);
                assertThat(ready.status()).isEqualTo(503);
                assertThat(ready.contentType()).isEqualTo("application/json");
                assertThat(ready.json().get("status").asText()).isEqualTo("DOWN");
                assertThat(Http.send("GET", node.baseUrl() + "/health/live", null, null).status()).isEqualTo(200);
            } finally {
                PgCluster.start();
            }
            MultiNodeIT.awaitTrue(() -> Http.send("GET", node.baseUrl() + "/health/ready", null, null).status() == 200,
                    Duration.ofSeconds(30));
            outage.set(false);
            int before = outcomes.size();
            MultiNodeIT.awaitTrue(() -> java.util.stream.IntStream.range(before, outcomes.size()).anyMatch(i -> outcomes.get(i).status() == 200),
                    Duration.ofSeconds(30));
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            List<Outcome> failures = outcomes.stream().filter(o -> o.status() != 200).toList();
            assertThat(failures).as("the outage must be seen by the load").isNotEmpty();
            assertThat(failures).as("every failure is a JSON 503 StoreUnavailable")
                    .allSatisfy(o -> {
                        assertThat(o.status()).isEqualTo(503);
                        assertThat(o.errorCode()).isEqualTo("StoreUnavailable");
                    });
            // Requests sent while the database is down fail within the connect timeout (plus
            // scheduling slack on a loaded two-core box); one already inside PostgreSQL when it
            // stopped waits for the shutdown to kill its backend, so only those sent after the
            // stop are held to the bound.
            assertThat(failures.stream().filter(Outcome::duringOutage).toList())
                    .as("failing fast: within the connect timeout plus slack").isNotEmpty()
                    .allSatisfy(o -> assertThat(o.millis()).isLessThan(CONNECT_TIMEOUT.toMillis() + 2_500));
            // A guest's identity is implied by its user row (docs/stores.md, "Guests' identity").
            assertThat(pg.scalar("SELECT count(*) FROM users u WHERE NOT u.anonymous "
                    + "AND NOT EXISTS (SELECT 1 FROM identities i WHERE i.user_id = u.id)"))
                    .as("users without identity, but guests").isZero();
            assertThat(pg.scalar("SELECT count(*) FROM users u WHERE NOT EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.id)"))
                    .as("guests without session").isZero();
            assertThat(pg.scalar("SELECT count(*) FROM sessions s WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = s.user_id)"))
                    .as("sessions without user").isZero();
            long stored = pg.scalar("SELECT count(*) FROM users");
            assertThat(stored).as("every acknowledged guest is stored").isGreaterThanOrEqualTo(acknowledged.size());
            for (String id : acknowledged) {
                assertThat(pg.scalar("SELECT count(*) FROM users WHERE id = '" + id + "'")).as("acknowledged " + id).isEqualTo(1);
            }
        } finally {
            PgCluster.start();
        }
    }
}
