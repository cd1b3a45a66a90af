package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.server.testing.Accounts;
import dev.atrium.server.testing.Accounts.Held;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import dev.atrium.server.testing.WebhookReceiver;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The red-team pass as a table: someone holds a user's tokens (a stolen device, a
 * leaked log); the session then ends by logout, admin revoke, admin disable, password reset or
 * admin delete; every attack with the old tokens is refused with 401 and changes nothing: no
 * identity linked, no user deleted, no key made. With the session alive the same requests work.
 *
 * <p>A disabled user's tokens get UserDisabled (its session still exists; an admin disable revokes nothing) rather
 * than InvalidSession, on which realm-web would refresh, get UserDisabled again, and log out.
 */
class EndedSessionAttacksTest {
    private static final List<String> TABLES = List.of("users", "identities", "sessions", "api_keys", "userpass");

    @TempDir
    static Path dir;
    static TestServer server;
    static WebhookReceiver resetFunction;
    static Accounts accounts;

    @BeforeAll
    static void start() {
        server = TestServer.sqlite(dir);
        resetFunction = new WebhookReceiver();
        resetFunction.answer(200, "{\"status\":\"success\"}");
        server.enable("local-userpass", Map.of("reset", "webhook", "webhook_url", resetFunction.url(),
                "webhook_secret", "userpass-hook-secret"));
        server.enable("api-key", Map.of());
        accounts = new Accounts(server);
        // Every scenario makes a guest: lift the per-address sign-up limit for this app.
        Http.Reply patched = accounts.admin("PATCH", "/settings", "{\"guest_burst\":1000,\"guest_rate_per_hour\":100000}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
        resetFunction.close();
    }

    /** How the session ends, and the victim it needs (a reset needs an e-mail/password identity). */
    enum Ending {
        LOGOUT, ADMIN_REVOKE, ADMIN_DISABLE, PASSWORD_RESET, ADMIN_DELETE;

        Held victim() {
            return this == PASSWORD_RESET ? accounts.emailUser(Accounts.uniqueEmail("victim")) : accounts.guestWithLinkedKey();
        }

        void apply(Held v) {
            switch (this) {
                case LOGOUT -> assertThat(server.send("DELETE", server.client("/auth/session"), v.refresh(), null).status())
                        .isEqualTo(204);
                case ADMIN_REVOKE -> accounts.adminOnUser("POST", "/revoke", v.userId());
                case ADMIN_DISABLE -> accounts.adminOnUser("POST", "/disable", v.userId());
                case PASSWORD_RESET -> assertThat(server.send("POST", server.provider("local-userpass", "reset/call"), null,
                        "{\"email\":\"" + v.email() + "\",\"password\":\"new-password-2\",\"arguments\":[]}").status())
                        .isEqualTo(204);
                case ADMIN_DELETE -> accounts.adminOnUser("DELETE", "", v.userId());
            }
        }

        /** What a stolen token of a live session kind gets from then on. */
        String refusal() {
            return this == ADMIN_DISABLE ? "UserDisabled" : "InvalidSession";
        }
    }

    /** A request with a stolen token. */
    record Req(String method, String url, String bearer, String body) {
        Http.Reply send() {
            return server.send(method, url, bearer, body);
        }
    }

    /**
     * What the attacker tries. The first request is what an SDK sends (the API-key routes take the
     * refresh token); the second, where there is one, tries the other stolen token.
     */
    enum Attack {
        PROFILE, LINK_EMAIL, SELF_DELETE, API_KEY_CREATE, API_KEY_LIST;

        /** The requests; the attacker's own e-mail is registered here, before anything is counted. */
        List<Req> requests(Held v) {
            return switch (this) {
                case PROFILE -> List.of(new Req("GET", server.client("/auth/profile"), v.access(), null));
                case LINK_EMAIL -> {
                    String attacker = Accounts.uniqueEmail("attacker");
                    accounts.register(attacker);
                    yield List.of(new Req("POST", server.provider("local-userpass", "login?link=true"), v.access(),
                            Accounts.credentials(attacker, Accounts.PASSWORD)));
                }
                case SELF_DELETE -> List.of(new Req("DELETE", server.client("/auth/delete"), v.access(), null));
                case API_KEY_CREATE -> Stream.of(v.refresh(), v.access())
                        .map(t -> new Req("POST", server.client("/auth/api_keys"), t, "{\"name\":\"attacker\"}")).toList();
                case API_KEY_LIST -> Stream.of(v.refresh(), v.access())
                        .map(t -> new Req("GET", server.client("/auth/api_keys"), t, null)).toList();
            };
        }

        /** The status of the SDK's request while the session lives. */
        int success() {
            return switch (this) {
                case PROFILE, LINK_EMAIL, API_KEY_LIST -> 200;
                case SELF_DELETE -> 204;
                case API_KEY_CREATE -> 201;
            };
        }

        /** Which rows the successful request adds (+) or removes (−). */
        Map<String, Long> effect() {
            return switch (this) {
                case PROFILE, API_KEY_LIST -> Map.of();
                case LINK_EMAIL -> Map.of("identities", 1L);
                case SELF_DELETE -> Map.of("users", -1L, "identities", -2L, "sessions", -1L, "api_keys", -1L);
                case API_KEY_CREATE -> Map.of("api_keys", 1L);
            };
        }
    }

    static Stream<Arguments> everyEndingAndAttack() {
        return Arrays.stream(Ending.values()).flatMap(e -> Arrays.stream(Attack.values()).map(a -> Arguments.of(e, a)));
    }

    private static Map<String, Long> rows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        TABLES.forEach(t -> rows.put(t, server.count(t)));
        return rows;
    }

    @ParameterizedTest(name = "after {0}: {1}")
    @MethodSource("everyEndingAndAttack")
    void oldTokensOfAnEndedSessionAreRefusedWith401AndChangeNothing(Ending ending, Attack attack) {
        Held victim = ending.victim();
        ending.apply(victim);
        List<Req> requests = attack.requests(victim);
        Map<String, Long> before = rows();

        for (int i = 0; i < requests.size(); i++) {
            Http.Reply reply = requests.get(i).send();

            assertThat(reply.status()).as(reply.body()).isEqualTo(401);
            assertThat(reply.contentType()).isEqualTo("application/json");
            // The second API-key request carries the access token, refused on that route whatever the session.
            String expected = i == 0 ? ending.refusal() : "InvalidSession";
            assertThat(reply.json().path("error_code").asText()).as(reply.body()).isEqualTo(expected);
        }
        assertThat(rows()).as("rows of " + TABLES).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Attack.class)
    void whileTheSessionLivesTheSameRequestsWork(Attack attack) {
        Held victim = Ending.LOGOUT.victim();
        Req request = attack.requests(victim).get(0);
        Map<String, Long> expected = rows();
        attack.effect().forEach((table, delta) -> expected.merge(table, delta, Long::sum));

        Http.Reply reply = request.send();

        assertThat(reply.status()).as(reply.body()).isEqualTo(attack.success());
        assertThat(rows()).isEqualTo(expected);
    }
}
