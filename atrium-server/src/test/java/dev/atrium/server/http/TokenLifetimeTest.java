package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token lifetimes and activity, with the server's clock moved by the test (docs/architecture.md, Inactive guests are swept; docs/client-api.md, Tokens). */
class TokenLifetimeTest {
    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.sqlite(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int profileStatus(String accessToken) {
        return server.send("GET", server.client("/auth/profile"), accessToken, null).status();
    }

    @Test
    void accessTokenIsRefusedAfterThirtyMinutesAndRefreshGivesAWorkingOne() {
        JsonNode guest = server.guestLogin();
        server.clock.advance(Duration.ofMinutes(29));
        assertThat(profileStatus(guest.get("access_token").asText())).isEqualTo(200);

        server.clock.advance(Duration.ofMinutes(2));

        Http.Reply expired = server.send("GET", server.client("/auth/profile"), guest.get("access_token").asText(), null);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("error_code").asText()).isEqualTo("InvalidSession");
        String fresh = server.send("POST", server.client("/auth/session"), guest.get("refresh_token").asText(), null)
                .json().get("access_token").asText();
        assertThat(profileStatus(fresh)).isEqualTo(200);
    }

    @Test
    void refreshTokenIsRefusedAfterSixtyDays() {
        JsonNode guest = server.guestLogin();
        server.clock.advance(Duration.ofDays(60).plusSeconds(1));

        Http.Reply r = server.send("POST", server.client("/auth/session"), guest.get("refresh_token").asText(), null);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error_code").asText()).isEqualTo("InvalidSession");
    }

    @Test
    void activityIsWrittenAtMostOncePerHour() {
        JsonNode guest = server.guestLogin();
        String userId = guest.get("user_id").asText();
        java.time.Instant loginAt = server.clock.instant();

        server.clock.advance(Duration.ofMinutes(30));
        server.send("POST", server.client("/auth/session"), guest.get("refresh_token").asText(), null);
        assertThat(lastActive(userId)).isEqualTo(loginAt);

        server.clock.advance(Duration.ofMinutes(31));
        String at = server.send("POST", server.client("/auth/session"), guest.get("refresh_token").asText(), null)
                .json().get("access_token").asText();
        assertThat(lastActive(userId)).isEqualTo(server.clock.instant());

        java.time.Instant written = server.clock.instant();
        server.clock.advance(Duration.ofMinutes(10));
        assertThat(profileStatus(at)).isEqualTo(200);
        assertThat(lastActive(userId)).isEqualTo(written);
    }

    private java.time.Instant lastActive(String userId) {
        return server.atrium.store().users().find(server.appId(), userId).orElseThrow().lastActiveAt();
    }
}
