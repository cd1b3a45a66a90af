package dev.atrium.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.server.testing.Haproxy;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.NodeProcess;
import dev.atrium.server.testing.PgSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes behind HAProxy, restarted one at a time while 8 clients log in and refresh through the
 * proxy, the way docs/scaling.md tells operators to: drain the node in the proxy (maintenance:
 * no new request, wait for those in flight), SIGTERM, start it again on the same port, wait until
 * ready, take it back. The count of failed requests is printed for docs/scaling.md; zero is the bar.
 */
@Tag("postgres")
class RollingRestartIT {
    static final int CLIENTS = 8;

    @Test
    void twoNodesRestartedOneAtATimeUnderLoadThenNoRequestFails(@TempDir Path dirA, @TempDir Path dirB,
                                                                @TempDir Path keys, @TempDir Path proxyDir) throws Exception {
        Path masterKey = keys.resolve("master.key");
        NodeProcess.cli("keys", "new-master-key", "--output", masterKey.toString(), "--data-dir", keys.resolve("none").toString());
        int portA = Haproxy.freePort();
        int portB = Haproxy.freePort();
        try (PgSchema pg = new PgSchema()) {
            String[] argsA = args(pg, dirA, masterKey);
            String[] argsB = args(pg, dirB, masterKey);
            NodeProcess[] nodes = {NodeProcess.launchOnPort(portA, argsA).awaitReady(), null};
            nodes[1] = NodeProcess.launchOnPort(portB, argsB).awaitReady();
            try (Haproxy proxy = Haproxy.start(proxyDir, List.of(portA, portB))) {
                String app = nodes[0].appId();
                String admin = Files.readString(dirA.resolve("admin-token")).trim();
                assertThat(Http.send("PATCH", nodes[0].baseUrl() + "/api/admin/v1/apps/" + app + "/settings", admin,
                        "{\"guest_rate_per_hour\":100000000,\"guest_burst\":100000000}").status()).isEqualTo(200);
                try {
                    MultiNodeIT.awaitTrue(() -> Http.send("GET", proxy.baseUrl() + "/health/ready", null, null).status() == 200,
                            Duration.ofSeconds(10));
                } catch (AssertionError e) {
                    throw new AssertionError("the proxy never reached a ready node:\n" + proxy.log(), e);
                }
                Thread.sleep(1_500); // both checked up by the proxy (rise 2 × 200 ms), and the settings cached

                AtomicBoolean running = new AtomicBoolean(true);
                AtomicLong requests = new AtomicLong();
                Map<String, Long> failures = new ConcurrentHashMap<>();
                List<String> samples = java.util.Collections.synchronizedList(new ArrayList<>());
                ExecutorService load = Executors.newFixedThreadPool(CLIENTS);
                String client = proxy.baseUrl() + "/api/client/v2.0";
                for (int i = 0; i < CLIENTS; i++) {
                    load.submit(() -> {
                        while (running.get()) {
                            String refresh = call(client + "/app/" + app + "/auth/providers/anon-user/login", null, "{}", 200,
                                    requests, failures, samples);
                            if (refresh != null) {
                                call(client + "/auth/session", refresh, null, 201, requests, failures, samples);
                            }
                        }
                        return null;
                    });
                }
                Thread.sleep(2_000);
                long[] stopMs = new long[2];
                long[] startMs = new long[2];
                for (int i = 0; i < 2; i++) {
                    proxy.drain(i);
                    long t0 = System.nanoTime();
                    assertThat(nodes[i].terminate(Duration.ofSeconds(30))).as("node %d stops on SIGTERM", i).isTrue();
                    stopMs[i] = (System.nanoTime() - t0) / 1_000_000;
                    long t1 = System.nanoTime();
                    nodes[i] = NodeProcess.launchOnPort(i == 0 ? portA : portB, i == 0 ? argsA : argsB).awaitReady();
                    startMs[i] = (System.nanoTime() - t1) / 1_000_000;
                    proxy.ready(i);
                    Thread.sleep(1_500); // checked up again (rise 2 × 250 ms) before the next goes
                }
                Thread.sleep(1_000);
                running.set(false);
                load.shutdown();
                assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

                long failed = failures.values().stream().mapToLong(Long::longValue).sum();
                System.out.println(proxy.log());
                System.out.printf("ROLLING RESTART figures: %d requests through HAProxy, %d failed %s; SIGTERM to exit %d and %d ms, "
                        + "start to ready %d and %d ms%n", requests.get(), failed, failures, stopMs[0], stopMs[1], startMs[0], startMs[1]);
                samples.stream().limit(5).forEach(s -> System.out.println("ROLLING RESTART failure sample: " + s));
                assertThat(requests.get()).isPositive();
                assertThat(failures).as("failed requests by kind; samples: " + samples.stream().limit(3).toList()).isEmpty();
            } finally {
                for (NodeProcess n : nodes) {
                    if (n != null) {
                        n.close();
                    }
                }
            }
        }
    }

    private static String[] args(PgSchema pg, Path dir, Path masterKey) {
        return new String[] {"--store", pg.url, "--store-schema", pg.name, "--data-dir", dir.toString(),
                "--master-key-file", masterKey.toString()};
    }

    /** One request; counts a failure by kind; the refresh token of a login, else null. */
    private static String call(String url, String bearer, String body, int expected, AtomicLong requests,
                               Map<String, Long> failures, List<String> samples) {
        requests.incrementAndGet();
        try {
            Http.Reply r = Http.send("POST", url, bearer, body);
            if (r.status() != expected) {
                failures.merge("HTTP " + r.status(), 1L, Long::sum);
                samples.add(url + " -> " + r.status() + " " + r.body());
                return null;
            }
            return bearer == null ? r.json().get("refresh_token").asText() : null;
        } catch (RuntimeException e) {
            failures.merge(e.getClass().getSimpleName(), 1L, Long::sum);
            samples.add(url + " -> " + e);
            return null;
        }
    }
}
