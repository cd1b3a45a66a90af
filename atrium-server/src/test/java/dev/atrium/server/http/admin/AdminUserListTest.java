package dev.atrium.server.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin users list: search by e-mail prefix or id, the identity column, sorts and their cursors, the filtered total. */
class AdminUserListTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static String token;
    static String users;
    static final List<String> created = new ArrayList<>();
    static String guest;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.sqlite(dir);
        token = Files.readString(dir.resolve("admin-token")).trim();
        users = server.baseUrl() + "/api/admin/v1/apps/" + server.appId() + "/users";
        server.enable("local-userpass", Map.of());
        for (String email : List.of("ann@example.com", "anna@example.org", "bob@example.com", "carl@annex.example")) {
            created.add(get("POST", "", "{\"email\":\"" + email + "\",\"password\":\"secret-12\"}").get("id").asText());
            server.clock.advance(java.time.Duration.ofSeconds(2)); // distinct creation seconds: the id order is the creation order
        }
        guest = server.guestLogin().get("user_id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode get(String method, String query, String body) {
        Http.Reply r = Http.send(method, users + query, token, body);
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.json();
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("users").forEach(u -> ids.add(u.get("id").asText()));
        return ids;
    }

    @Test
    void searchByEmailPrefixIsCaseInsensitiveAndCountsTheMatches() {
        JsonNode page = get("GET", "?search=ANN", null);

        assertThat(ids(page)).containsExactly(created.get(0), created.get(1));
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("users").get(0).get("email").asText()).isEqualTo("ann@example.com");
        assertThat(page.get("users").get(0).get("identity").get("provider_type").asText()).isEqualTo("local-userpass");
    }

    @Test
    void searchByUserIdFindsThatUserOnlyAndAGuestHasNoIdentityColumn() {
        JsonNode page = get("GET", "?search=" + guest, null);

        assertThat(ids(page)).containsExactly(guest);
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("users").get(0).get("email").isNull()).isTrue();
        assertThat(page.get("users").get(0).get("identity").isNull()).isTrue();
    }

    @Test
    void searchCombinesWithFiltersAndNothingFoundIsAnEmptyPageWithTotalZero() {
        assertThat(ids(get("GET", "?search=ann&kind=anonymous", null))).isEmpty();
        JsonNode none = get("GET", "?search=zed", null);
        assertThat(none.get("users")).isEmpty();
        assertThat(none.get("total").asLong()).isZero();
        assertThat(none.get("next_cursor").isNull()).isTrue();
    }

    @Test
    void newestFirstPagesFollowTheCursorAndTheTotalCountsEveryMatch() {
        JsonNode first = get("GET", "?sort=-created&limit=2&provider=local-userpass", null);
        JsonNode second = get("GET", "?sort=-created&limit=2&provider=local-userpass&cursor=" + first.get("next_cursor").asText(), null);

        assertThat(ids(first)).containsExactly(created.get(3), created.get(2));
        assertThat(ids(second)).containsExactly(created.get(1), created.get(0));
        assertThat(first.get("total").asLong()).isEqualTo(4);
        assertThat(second.get("total").asLong()).isEqualTo(4);
    }

    @Test
    void lastActiveOrderPutsTheUserWhoLoggedInLastFirst() {
        server.clock.advance(java.time.Duration.ofHours(3)); // past the activity granularity: the login is recorded
        Http.Reply login = server.send("POST", server.provider("local-userpass", "login"), null,
                "{\"username\":\"bob@example.com\",\"password\":\"secret-12\"}");
        assertThat(login.status()).isEqualTo(200);

        JsonNode page = get("GET", "?sort=-last_active&limit=1", null);
        JsonNode next = get("GET", "?sort=-last_active&limit=1&cursor=" + page.get("next_cursor").asText(), null);

        assertThat(ids(page)).containsExactly(created.get(2));
        assertThat(ids(next)).doesNotContain(created.get(2)).hasSize(1);
        assertThat(page.get("next_cursor").asText()).as("an activity cursor carries the time").contains("_");
    }
}
