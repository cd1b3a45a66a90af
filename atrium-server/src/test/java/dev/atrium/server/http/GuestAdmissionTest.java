package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppSettings;
import dev.atrium.server.config.AtriumConfig;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guest sign-up limits (docs/architecture.md, Abuse) over HTTP, behind a trusted proxy. */
class GuestAdmissionTest {
    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.sqlite(dir, c -> new AtriumConfig(c.host(), c.port(), c.publicUrl(), c.dataDir(), c.storeUrl(),
                c.storePoolSize(), c.storeConnectTimeout(), c.storeSchema(), c.cacheTtl(), c.hashing(),
                List.of("127.0.0.1/32", "::1"), c.lifecycle()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Http.Reply loginFrom(String forwardedFor) {
        return server.sendWithHeaders("POST", server.provider("anon-user", "login"),
                forwardedFor == null ? Map.of() : Map.of("X-Forwarded-For", forwardedFor), "{}");
    }

    private void settings(AppSettings s) {
        App app = server.atrium.store().apps().find(server.appId()).orElseThrow();
        // Settings live in the apps row; rewrite it through the store as an operator change would.
        server.atrium.store().apps().updateSettings(app.id(), s);
    }

    @Test
    void floodFromOneAddressIsCutAtTheBurstWhileAnotherAddressStillGetsIn() {
        for (int i = 0; i < 30; i++) {
            assertThat(loginFrom("198.51.100.7").status()).as("sign-up %d", i + 1).isEqualTo(200);
        }
        long users = server.count("users");

        Http.Reply refused = loginFrom("198.51.100.7");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).isEqualTo("application/json");
        assertThat(refused.json().get("error_code").asText()).isEqualTo("TooManyRequests");
        assertThat(refused.raw().headers().firstValue("Retry-After").orElseThrow()).isEqualTo("36");
        assertThat(server.count("users")).as("a refused sign-up creates nothing").isEqualTo(users);
        assertThat(loginFrom("198.51.100.8").status()).isEqualTo(200);
        server.clock.advance(Duration.ofSeconds(36));
        assertThat(loginFrom("198.51.100.7").status()).as("one token refilled").isEqualTo(200);
    }

    @Test
    void ipv6ClientsShareTheirSlash64() {
        for (int i = 0; i < 30; i++) {
            assertThat(loginFrom("2001:db8:1:2::" + Integer.toHexString(i + 1)).status()).isEqualTo(200);
        }

        assertThat(loginFrom("2001:db8:1:2:ffff::1").status()).isEqualTo(429);
        assertThat(loginFrom("2001:db8:1:3::1").status()).isEqualTo(200);
    }

    @Test
    void forwardedForIsBelievedOnlyFromTrustedProxiesWalkingFromTheRight() {
        // 127.0.0.1 (the test client) is trusted; the spoofed leftmost hop is ignored because the
        // hop the proxy appended (203.0.113.9) is not a trusted proxy.
        for (int i = 0; i < 30; i++) {
            assertThat(loginFrom("10.9.9." + i + ", 203.0.113.9").status()).isEqualTo(200);
        }
        assertThat(loginFrom("10.9.9.250, 203.0.113.9").status()).isEqualTo(429);
    }

    @Test
    void appWideHourlyBudgetCapsAllAddressesTogether() {
        settings(new AppSettings(Duration.ofMinutes(30), Duration.ofDays(60), Duration.ofDays(90), Duration.ofHours(1),
                100, 30, 5, null, null, dev.atrium.core.apps.AllowedOrigins.ANY,
                dev.atrium.core.apps.ThrottleSettings.DEFAULTS));

        for (int i = 0; i < 5; i++) {
            assertThat(loginFrom("192.0.2." + i).status()).isEqualTo(200);
        }
        Http.Reply refused = loginFrom("192.0.2.200");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("error").asText()).contains("budget");
    }

    @Test
    void otherProvidersAreNotCountedAgainstTheGuestLimit() {
        server.enable("local-userpass", Map.of());
        for (int i = 0; i < 30; i++) {
            loginFrom("198.51.100.7");
        }

        Http.Reply r = server.sendWithHeaders("POST", server.provider("local-userpass", "login"),
                Map.of("X-Forwarded-For", "198.51.100.7"), "{\"username\":\"a@b.co\",\"password\":\"secret1\"}");

        assertThat(r.status()).isEqualTo(401);
    }
}
