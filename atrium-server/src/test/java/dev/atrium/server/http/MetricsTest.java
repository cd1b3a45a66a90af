package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} in Prometheus text (issue 7 item 4). */
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
}
