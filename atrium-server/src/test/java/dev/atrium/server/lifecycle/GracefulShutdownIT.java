package dev.atrium.server.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.NodeProcess;
import dev.atrium.server.testing.SlowReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM on a real {@code atrium serve} process (the packaged jar): readiness turns 503 first, a
 * request held open by a slow webhook finishes, outbox events are handed back rather than lost,
 * the start and end of the shutdown are logged, and the process exits 0.
 */
class GracefulShutdownIT {
    static final String SECRET = "a-long-random-hook-secret";

    @TempDir
    Path dir;

    record Node(NodeProcess process, String admin) {
        String client(String suffix) {
            return process.baseUrl() + "/api/client/v2.0" + suffix;
        }

        String userpass(String suffix) {
            return client("/app/" + process.appId() + "/auth/providers/local-userpass/" + suffix);
        }

        Http.Reply api(String method, String path, String body) {
            return Http.send(method, process.baseUrl() + "/api/admin/v1/apps/" + process.appId() + path, admin, body);
        }
    }

    Node start(String... args) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of("--data-dir", dir.toString()));
        all.addAll(List.of(args));
        NodeProcess p = NodeProcess.launch(all.toArray(String[]::new)).awaitReady();
        return new Node(p, Files.readString(dir.resolve("admin-token")).strip());
    }

    /** An account whose password reset waits for the app's function, at {@code hook}. */
    static void resetGoesTo(Node node, SlowReceiver hook) {
        Http.Reply configured = node.api("PUT", "/providers/local-userpass", "{\"enabled\":true,\"config\":{\"confirmation\":\"auto\","
                + "\"reset\":\"webhook\",\"webhook_url\":\"" + hook.url() + "\",\"webhook_secret\":\"" + SECRET + "\"}}");
        assertThat(configured.status()).as(configured.body()).isEqualTo(200);
        assertThat(Http.send("POST", node.userpass("register"), null, "{\"email\":\"ann@example.com\",\"password\":\"secret1\"}")
                .status()).isEqualTo(201);
    }

    static CompletableFuture<Http.Reply> resetCall(Node node) {
        return CompletableFuture.supplyAsync(() -> Http.send("POST", node.userpass("reset/call"), null,
                "{\"email\":\"ann@example.com\",\"password\":\"newpass1\",\"arguments\":[]}"));
    }

    @Test
    void onSigtermReadinessTurns503FirstTheRequestInFlightFinishesAndTheProcessExitsZero() throws Exception {
        try (SlowReceiver hook = new SlowReceiver(Duration.ofSeconds(4), "{\"status\":\"success\"}")) {
            Node node = start("--shutdown-delay", "1500ms", "--shutdown-grace-period", "20s");
            try (NodeProcess ignored = node.process()) {
                resetGoesTo(node, hook);
                CompletableFuture<Http.Reply> inFlight = resetCall(node);
                hook.awaitArrivals(1, Duration.ofSeconds(10));

                long signalled = System.nanoTime();
                node.process().signalTerm();
                Http.Reply ready = awaitReadiness(node, 503);
                Http.Reply duringDelay = Http.send("POST", node.client("/app/" + node.process().appId()
                        + "/auth/providers/anon-user/login"), null, "{}");
                Http.Reply answered = inFlight.get(30, TimeUnit.SECONDS);
                int exit = node.process().awaitExit(30);

                assertThat(ready.json().get("status").asText()).isEqualTo("DRAINING");
                assertThat(duringDelay.status()).as("still served during shutdown-delay").isEqualTo(200);
                assertThat(duringDelay.raw().headers().firstValue("Connection")).hasValue("close");
                assertThat(answered.status()).as("the request held by the slow webhook: " + answered.body()).isEqualTo(204);
                assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(15));
                assertThat(exit).as(node.process().output()).isZero();
                assertThat(node.process().output()) // at the signal, one of this test's probes may be in flight too
                        .containsPattern("shutdown started \\(SIGTERM\\): /health/ready answers 503, [12] requests? in flight")
                        .contains("serving 1500 ms more").containsPattern("shutdown complete in \\d+ ms: 1 of 1 request in flight at close finished");
                assertThat(login(dir, "ann@example.com")).as("the reset it answered was done").isTrue();
            }
        }
    }

    @Test
    void aRequestStillRunningWhenTheGracePeriodEndsIsCutAndTheProcessStillExitsZero() throws Exception {
        try (SlowReceiver hook = new SlowReceiver(Duration.ofSeconds(20), "{\"status\":\"success\"}")) {
            Node node = start("--shutdown-grace-period", "1s");
            try (NodeProcess ignored = node.process()) {
                resetGoesTo(node, hook);
                CompletableFuture<Http.Reply> inFlight = resetCall(node);
                hook.awaitArrivals(1, Duration.ofSeconds(10));

                long signalled = System.nanoTime();
                node.process().signalTerm();
                int exit = node.process().awaitExit(30);
                Duration took = Duration.ofNanos(System.nanoTime() - signalled);

                assertThat(exit).as(node.process().output()).isZero();
                assertThat(took).as("the grace period, not the webhook's 20 s").isLessThan(Duration.ofSeconds(10));
                assertThat(inFlight).failsWithin(Duration.ofSeconds(5)); // the connection was closed without an answer
                assertThat(node.process().output()).contains("shutdown complete");
            }
        }
    }

    @Test
    void outboxEventsPendingAtSigtermAreHandedBackAndDeliveredAfterARestart() throws Exception {
        Set<String> created = new HashSet<>();
        try (SlowReceiver events = new SlowReceiver(Duration.ofMillis(700), "{}")) {
            Node node = start("--event-poll", "100ms");
            try (NodeProcess ignored = node.process()) {
                assertThat(node.api("PATCH", "/settings", "{\"webhook_url\":\"" + events.url() + "\",\"webhook_secret\":\""
                        + SECRET + "\"}").status()).isEqualTo(200);
                for (int i = 0; i < 12; i++) {
                    created.add(Http.guestLogin(node.process().baseUrl(), node.process().appId()).get("user_id").asText());
                }
                events.awaitArrivals(2, Duration.ofSeconds(20));

                node.process().signalTerm();
                assertThat(node.process().awaitExit(30)).as(node.process().output()).isZero();
            }
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("atrium.db"))) {
                assertThat(count(db, "SELECT count(*) FROM events WHERE type = 'user.created'")).isEqualTo(12);
                assertThat(count(db, "SELECT count(*) FROM events WHERE finished_at IS NULL")).as("some left to deliver").isPositive();
                assertThat(count(db, "SELECT count(*) FROM events WHERE finished_at IS NULL AND lease_until IS NOT NULL"))
                        .as("claimed but not attempted: handed back, not left leased").isZero();
            }

            events.hold(Duration.ZERO);
            Node again = start("--event-poll", "100ms");
            try (NodeProcess ignored = again.process()) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (received(events).size() < created.size() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(received(events)).as("every user.created, at least once").containsAll(created);
            }
        }
    }

    static Set<String> received(SlowReceiver events) {
        Set<String> ids = new HashSet<>();
        for (JsonNode e : events.arrived) {
            if (e.path("type").asText().equals("user.created")) {
                ids.add(e.path("user_id").asText());
            }
        }
        return ids;
    }

    static Http.Reply awaitReadiness(Node node, int status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            Http.Reply r = Http.send("GET", node.process().baseUrl() + "/health/ready", null, null);
            if (r.status() == status || System.nanoTime() > deadline) {
                assertThat(r.status()).isEqualTo(status);
                return r;
            }
            Thread.sleep(20);
        }
    }

    static long count(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Whether the reset took: the new password logs in on a fresh node over the same store. */
    static boolean login(Path dir, String email) throws Exception {
        try (NodeProcess again = NodeProcess.launch("--data-dir", dir.toString()).awaitReady()) {
            return Http.send("POST", again.baseUrl() + "/api/client/v2.0/app/" + again.appId()
                    + "/auth/providers/local-userpass/login", null, "{\"username\":\"" + email + "\",\"password\":\"newpass1\"}")
                    .status() == 200;
        }
    }
}
