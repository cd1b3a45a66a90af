package dev.atrium.server.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every numeric app setting is bounded at the admin API: a value out of range (the attack was an
 * access-token lifetime of {@code Long.MAX_VALUE} seconds, after which every login answered 500)
 * is a 400 naming every bad key, changes nothing, and logins keep working.
 */
class SettingsBoundsTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static String token;
    static String settings;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.sqlite(dir);
        token = Files.readString(dir.resolve("admin-token")).trim();
        settings = server.baseUrl() + "/api/admin/v1/apps/" + server.appId() + "/settings";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record OutOfRange(String body, List<String> badKeys) {
        @Override
        public String toString() {
            return body;
        }
    }

    static List<OutOfRange> outOfRange() {
        return List.of(
                new OutOfRange("{\"access_token_lifetime_s\":9223372036854775807}", List.of("access_token_lifetime_s")),
                new OutOfRange("{\"access_token_lifetime_s\":59}", List.of("access_token_lifetime_s")),
                new OutOfRange("{\"access_token_lifetime_s\":86401}", List.of("access_token_lifetime_s")),
                new OutOfRange("{\"refresh_token_lifetime_s\":9223372036854775807,\"inactivity_s\":1e300}",
                        List.of("refresh_token_lifetime_s", "inactivity_s")),
                new OutOfRange("{\"refresh_token_lifetime_s\":34560001}", List.of("refresh_token_lifetime_s")),
                new OutOfRange("{\"inactivity_s\":315360001,\"activity_granularity_s\":0}",
                        List.of("inactivity_s", "activity_granularity_s")),
                new OutOfRange("{\"activity_granularity_s\":2592001}", List.of("activity_granularity_s")),
                new OutOfRange("{\"guest_rate_per_hour\":1000000001,\"guest_burst\":9223372036854775807,"
                        + "\"guest_app_budget_per_hour\":4294967296}",
                        List.of("guest_rate_per_hour", "guest_burst", "guest_app_budget_per_hour")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfRange")
    void settingOutOfRangeThenInvalidParameterNamingEveryBadKeyAndNothingChangesAndLoginsWork(OutOfRange attack) {
        JsonNode before = current();
        assertThat(before.get("access_token_lifetime_s")).isNotNull();

        Http.Reply reply = Http.send("PATCH", settings, token, attack.body());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo("application/json");
        assertThat(reply.json().get("error_code").asText()).isEqualTo("InvalidParameter");
        assertThat(reply.json().get("error").asText()).contains(attack.badKeys());
        assertThat(current()).isEqualTo(before);
        JsonNode guest = server.guestLogin();
        assertThat(guest.get("access_token").asText()).isNotEmpty();
    }

    static JsonNode current() {
        return Http.send("GET", settings.replace("/settings", ""), token, null).json().get("settings");
    }

    @Test
    void boundsThemselvesAreAcceptedAndLoginsWork() {
        Http.Reply reply = Http.send("PATCH", settings, token, "{\"access_token_lifetime_s\":86400,"
                + "\"refresh_token_lifetime_s\":34560000,\"inactivity_s\":315360000,\"activity_granularity_s\":2592000,"
                + "\"guest_rate_per_hour\":1000000000,\"guest_burst\":1000000000,\"guest_app_budget_per_hour\":1000000000}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(server.guestLogin().get("refresh_token").asText()).isNotEmpty();
        assertThat(Http.send("PATCH", settings, token, "{\"access_token_lifetime_s\":60,\"refresh_token_lifetime_s\":3600,"
                + "\"inactivity_s\":3600,\"activity_granularity_s\":60,\"guest_app_budget_per_hour\":0}").status()).isEqualTo(200);
        assertThat(server.guestLogin().get("access_token").asText()).isNotEmpty();
    }
}
