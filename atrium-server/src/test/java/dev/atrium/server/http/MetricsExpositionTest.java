package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.server.config.Operations;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus exposition as a scraper and its tooling read it: HELP text on every Atrium family,
 * the README's counters present at 0 before anything happened, {@code promtool check metrics}
 * clean; and {@code management-port} moving metrics and probes off the public port.
 */
@Tag("external")
class MetricsExpositionTest {
    /** The counters the README documents (Prometheus names), each present from start. */
    static final List<String> DOCUMENTED = List.of(
            "atrium_logins_total{outcome=\"success\",provider=\"anon-user\"} 0.0",
            "atrium_logins_total{outcome=\"success\",provider=\"local-userpass\"} 0.0",
            "atrium_refreshes_total{outcome=\"success\"} 0.0",
            "atrium_guest_signups_total 0.0",
            "atrium_users_linked_total{provider=\"local-userpass\"} 0.0",
            "atrium_users_deleted_total{reason=\"logout\"} 0.0",
            "atrium_users_deleted_total{reason=\"inactivity\"} 0.0",
            "atrium_guest_admission_rejections_total{scope=\"client\"} 0.0",
            "atrium_throttled_total{limit=\"account\"} 0.0",
            "atrium_throttled_total{limit=\"email\"} 0.0",
            "atrium_throttled_total{limit=\"network\"} 0.0",
            "atrium_password_hashes_total 0.0",
            "atrium_password_hash_rejections_total 0.0",
            "atrium_sweeper_runs_total 0.0",
            "atrium_sweeper_rows_total 0.0");

    @TempDir
    Path dir;

    @Test
    void documentedCountersArePresentAtZeroBeforeAnyRequest() {
        try (TestServer server = TestServer.sqlite(dir)) {
            String scrape = Http.send("GET", server.baseUrl() + "/metrics", null, null).body();

            assertThat(scrape.lines()).containsAll(DOCUMENTED);
        }
    }

    @Test
    void everyAtriumFamilyHasHelpTextAndAType() {
        try (TestServer server = TestServer.sqlite(dir)) {
            server.guestLogin();
            String scrape = Http.send("GET", server.baseUrl() + "/metrics", null, null).body();

            Map<String, String> help = new LinkedHashMap<>();
            Map<String, String> type = new LinkedHashMap<>();
            List<String> samples = scrape.lines().filter(l -> l.startsWith("atrium_")).toList();
            scrape.lines().filter(l -> l.startsWith("# HELP atrium_")).forEach(l -> {
                String[] p = l.split(" ", 4);
                help.put(p[2], p.length > 3 ? p[3] : "");
            });
            scrape.lines().filter(l -> l.startsWith("# TYPE atrium_")).forEach(l -> type.put(l.split(" ")[2], l.split(" ")[3]));

            assertThat(samples).isNotEmpty();
            assertThat(help).as("every family has a TYPE and HELP").containsOnlyKeys(type.keySet());
            assertThat(help.values()).allSatisfy(text -> assertThat(text).hasSizeGreaterThan(10));
            assertThat(samples).allSatisfy(sample -> assertThat(help.keySet())
                    .anySatisfy(family -> assertThat(sample).startsWith(family)));
            assertThat(type).containsEntry("atrium_logins_total", "counter")
                    .containsEntry("atrium_http_server_requests_seconds", "histogram");
        }
    }

    @Test
    void promtoolCheckMetricsFindsNoProblemInAScrape() throws Exception {
        try (TestServer server = TestServer.sqlite(dir)) {
            server.guestLogin();
            server.send("POST", server.provider("local-userpass", "login"), null, "{}");
            String scrape = Http.send("GET", server.baseUrl() + "/metrics", null, null).body();

            Process promtool = promtool("check", "metrics");
            promtool.getOutputStream().write(scrape.getBytes(StandardCharsets.UTF_8));
            promtool.getOutputStream().close();
            String said = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(said).as("promtool's findings").isEmpty();
            assertThat(promtool.exitValue()).isZero();
        }
    }

    @Test
    void aManagementPortServesMetricsAndProbesWhichThePublicPortNoLongerDoes() {
        try (TestServer server = TestServer.sqlite(dir, c -> c.withOperations(new Operations(Operations.Logs.DEFAULTS,
                new Operations.Listener("127.0.0.1", 0), Operations.Shutdown.DEFAULTS, Operations.Tracing.OFF)))) {
            String management = "http://127.0.0.1:" + server.atrium.managementPort();
            server.guestLogin();

            assertThat(server.atrium.managementPort()).isPositive().isNotEqualTo(server.atrium.port());
            assertThat(Http.send("GET", management + "/metrics", null, null).body()).contains("atrium_guest_signups_total 1.0");
            assertThat(Http.send("GET", management + "/health/ready", null, null).status()).isEqualTo(200);
            assertThat(Http.send("GET", management + "/health/live", null, null).status()).isEqualTo(200);
            Http.Reply elsewhere = Http.send("POST", management + "/api/client/v2.0/app/" + server.appId()
                    + "/auth/providers/anon-user/login", null, "{}");
            assertThat(elsewhere.status()).isEqualTo(404);
            assertThat(elsewhere.json().get("error_code").asText()).isEqualTo("NotFound");
            for (String path : List.of("/metrics", "/health/ready", "/health/live")) {
                Http.Reply r = Http.send("GET", server.baseUrl() + path, null, null);
                assertThat(r.status()).as(path + " on the public port").isEqualTo(404);
                assertThat(r.json().get("error_code").asText()).isEqualTo("NotFound");
            }
        }
    }

    /** Debian's promtool (run-tests installs it: scripts/install-promtool.sh). */
    private static Process promtool(String... args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(java.nio.file.Files.isExecutable(Path.of("/usr/local/bin/promtool")) ? "/usr/local/bin/promtool" : "promtool");
        cmd.addAll(List.of(args));
        try {
            return new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("promtool is missing: run scripts/install-promtool.sh as root (run-tests does)", e);
        }
    }
}
