package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.server.config.AtriumConfig;
import dev.atrium.server.config.MetricsAccess;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} in Prometheus text. */
class MetricsTest {
    @TempDir
    Path dir;

    @Test
    void metricsCountLoginsRefreshesGuestsDeletionsRejectionsSweepsLatencyPoolAndJvm() throws Exception {
        try (TestServer server = TestServer.sqlite(dir)) {
            JsonNode guest = server.guestLogin();
            server.send("POST", server.client("/auth/session"), guest.get("refresh_token").asText(), null);
            server.send("DELETE", server.client("/auth/session"), guest.get("refresh_token").asText(), null);
            server.send("POST", server.client("/auth/session"), guest.get("refresh_token").asText(), null);
            server.send("POST", server.provider("local-userpass", "login"), null, "{}");
            for (int i = 0; i < 30; i++) { // the burst is 30: the last ones are refused
                server.send("POST", server.provider("anon-user", "login"), null, "{}");
            }

            Http.Reply r = Http.send("GET", server.baseUrl() + "/metrics", null, null);

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.contentType()).startsWith("text/plain");
            assertThat(r.body())
                    .contains("atrium_logins_total{outcome=\"success\",provider=\"anon-user\"} 30.0")
                    .contains("atrium_logins_total{outcome=\"AuthProviderNotFound\",provider=\"local-userpass\"} 1.0")
                    .contains("atrium_logins_total{outcome=\"TooManyRequests\",provider=\"anon-user\"}")
                    .contains("atrium_refreshes_total{outcome=\"success\"} 1.0")
                    .contains("atrium_refreshes_total{outcome=\"InvalidSession\"} 1.0")
                    .contains("atrium_guest_signups_total 30.0")
                    .contains("atrium_users_deleted_total{reason=\"logout\"} 1.0")
                    .contains("atrium_guest_admission_rejections_total{scope=\"client\"}")
                    .contains("atrium_http_server_requests_seconds_bucket")
                    .contains("route=\"/api/client/v2.0/app/{appId}/auth/providers/{provider}/login\"")
                    .contains("hikaricp_connections")
                    .contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void metricsAccessAdminTokenThenMetricsNeedTheAdminTokenAndOthersGetAdminUnauthorizedJson() throws Exception {
        try (TestServer server = TestServer.sqlite(dir, c -> c.withHttp(
                new AtriumConfig.Http(AtriumConfig.Http.DEFAULTS.idleTimeout(), MetricsAccess.ADMIN_TOKEN)))) {
            String adminToken = Files.readString(dir.resolve("admin-token")).trim();
            String guestToken = server.guestLogin().get("access_token").asText();
            String url = server.baseUrl() + "/metrics";

            for (String bearer : java.util.Arrays.asList(null, "atr_wrong", guestToken)) {
                Http.Reply refused = Http.send("GET", url, bearer, null);
                assertThat(refused.status()).isEqualTo(401);
                assertThat(refused.contentType()).isEqualTo("application/json");
                assertThat(refused.json().get("error_code").asText()).isEqualTo("AdminUnauthorized");
                assertThat(refused.body()).doesNotContain("atrium_logins_total");
            }
            Http.Reply allowed = Http.send("GET", url, adminToken, null);
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.body()).contains("atrium_logins_total");
        }
    }

    @Test
    void metricsAccessPublicByDefaultThenMetricsNeedNoToken() {
        try (TestServer server = TestServer.sqlite(dir)) {
            assertThat(server.config.http().metricsAccess()).isEqualTo(MetricsAccess.PUBLIC);

            Http.Reply r = Http.send("GET", server.baseUrl() + "/metrics", null, null);

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("jvm_memory_used_bytes");
        }
    }
}
