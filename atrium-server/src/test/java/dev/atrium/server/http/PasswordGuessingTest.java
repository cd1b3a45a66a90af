package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password and API-key guessing as an attacker does it, over HTTP (docs/architecture.md, Abuse): per account
 * (10 failures, then 10 per 15 minutes), per network (30 at once, then 60 a minute), the same
 * answers for an unknown e-mail as for a known one.
 */
class PasswordGuessingTest {
    static final String ANN = "ann@example.com";
    static final String PASSWORD = "secret1";

    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.behindProxy(dir);
        server.enable("local-userpass", Map.of());
        register(ANN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The {@code i}th network of a botnet: a fresh address for every guess, so only the per-account limit applies. */
    static String network(int i) {
        return "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
    }

    private void register(String email) {
        Http.Reply r = server.send("POST", server.provider("local-userpass", "register"), null,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private Http.Reply login(String from, String email, String password) {
        return server.postFrom(from, server.provider("local-userpass", "login"),
                "{\"username\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    /** {@code n} wrong passwords for {@code email}, each from a network of its own starting at {@code firstNetwork}. */
    private List<Http.Reply> wrongGuesses(String email, int n, int firstNetwork) {
        List<Http.Reply> replies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            replies.add(login(network(firstNetwork + i), email, "wrong-guess-" + i));
        }
        return replies;
    }

    static void assertRefused(Http.Reply r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.json().get("error_code").asText()).isEqualTo(code);
    }

    static void assertLocked(Http.Reply r, String retryAfter) {
        assertRefused(r, 429, "TooManyRequests");
        assertThat(r.json().get("error").asText()).isEqualTo("too many failed logins for this account; retry later");
        assertThat(r.raw().headers().firstValue("Retry-After")).hasValue(retryAfter);
    }

    /**
     * The same status, headers and body, apart from the request id: its header, the body's link, and
     * the length, which follows the id's.
     */
    static void assertSameAnswer(Http.Reply a, Http.Reply b) {
        assertThat(a.status()).isEqualTo(b.status());
        assertThat(withoutRequestId(a)).isEqualTo(withoutRequestId(b));
        var body = a.json().deepCopy();
        var other = b.json().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).remove("link");
        ((com.fasterxml.jackson.databind.node.ObjectNode) other).remove("link");
        assertThat(body).isEqualTo(other);
    }

    private static Map<String, List<String>> withoutRequestId(Http.Reply r) {
        Map<String, List<String>> headers = new java.util.TreeMap<>(r.raw().headers().map());
        headers.remove("x-request-id");
        headers.remove("date");
        headers.remove("content-length");
        return headers;
    }

    @Test
    void sixtyWrongPasswordsFromSixtyNetworksThenTheEleventhAndTheRightPasswordAre429ForKnownAndUnknownAlike() {
        record Target(String name, String email, int firstNetwork) {}
        List<Target> targets = List.of(new Target("a registered account", ANN, 0),
                new Target("an e-mail with no account", "nobody@example.com", 1000));
        Map<String, List<Http.Reply>> answers = new java.util.HashMap<>();

        for (Target t : targets) {
            List<Http.Reply> replies = wrongGuesses(t.email(), 60, t.firstNetwork());
            replies.add(login(network(t.firstNetwork() + 500), t.email(), PASSWORD));
            answers.put(t.name(), replies);

            replies.subList(0, 10).forEach(r -> assertRefused(r, 401, "InvalidPassword"));
            replies.subList(10, 61).forEach(r -> assertLocked(r, "90")); // one failure back every 15 min / 10
        }

        List<Http.Reply> known = answers.get("a registered account");
        List<Http.Reply> unknown = answers.get("an e-mail with no account");
        for (int i : new int[] {0, 9, 10, 59, 60}) {
            assertSameAnswer(known.get(i), unknown.get(i));
        }
    }

    @Test
    void timePassingGivesBackOneGuessPerRefilledTokenAndASuccessStartsTheCountOver() {
        wrongGuesses(ANN, 10, 0);
        assertLocked(login(network(100), ANN, PASSWORD), "90");

        server.clock.advance(Duration.ofSeconds(90));
        assertThat(login(network(101), ANN, PASSWORD).status()).as("one token refilled: the right password gets in").isEqualTo(200);

        List<Http.Reply> after = wrongGuesses(ANN, 11, 200);
        after.subList(0, 10).forEach(r -> assertRefused(r, 401, "InvalidPassword"));
        assertLocked(after.get(10), "90");
    }

    @Test
    void aSuccessDoesNotResetAnotherAccountsCount() {
        register("bob@example.com");
        wrongGuesses(ANN, 9, 0);
        wrongGuesses("bob@example.com", 9, 100);

        assertThat(login(network(200), ANN, PASSWORD).status()).isEqualTo(200);

        assertRefused(login(network(201), "bob@example.com", "wrong-again"), 401, "InvalidPassword");
        assertLocked(login(network(202), "bob@example.com", PASSWORD), "90");
        assertRefused(login(network(203), ANN, "wrong-again"), 401, "InvalidPassword");
    }

    @Test
    void theAppsSettingsChangeTheNumbers() {
        server.throttling(Map.of("login_failure_burst", 3, "login_failure_rate_per_hour", 60));

        List<Http.Reply> replies = wrongGuesses(ANN, 4, 0);

        replies.subList(0, 3).forEach(r -> assertRefused(r, 401, "InvalidPassword"));
        assertLocked(replies.get(3), "60");
    }

    @Test
    void linkingWithTheCredentialsOfALockedAccountIsRefusedWith429NotLinkRefused() {
        wrongGuesses(ANN, 10, 0);
        String guestToken = server.guestLogin().get("access_token").asText();

        Http.Reply link = Http.sendWithHeaders("POST", server.provider("local-userpass", "login") + "?link=true",
                Map.of("Authorization", "Bearer " + guestToken, "X-Forwarded-For", network(300)),
                "{\"username\":\"" + ANN + "\",\"password\":\"" + PASSWORD + "\"}");

        assertLocked(link, "90");
    }

    @Test
    void guessesFromOneNetworkAcrossManyAccountsAreCutAtTheNetworkBurstWhileOtherNetworksGoOn() {
        for (int i = 0; i < 30; i++) {
            assertRefused(login("198.51.100.7", "user" + i + "@example.com", "guess-" + i), 401, "InvalidPassword");
        }

        Http.Reply refused = login("198.51.100.7", "user30@example.com", "guess-30");

        assertRefused(refused, 429, "TooManyRequests");
        assertThat(refused.json().get("error").asText()).isEqualTo("too many requests from this network; retry later");
        assertThat(refused.raw().headers().firstValue("Retry-After")).hasValue("1"); // 60 a minute
        assertThat(login("198.51.100.8", ANN, PASSWORD).status()).isEqualTo(200);
        server.clock.advance(Duration.ofSeconds(1));
        assertRefused(login("198.51.100.7", "user31@example.com", "guess-31"), 401, "InvalidPassword");
    }

    @Test
    void apiKeyGuessesFromOneNetworkAreCutAtTheNetworkBurst() {
        server.enable("api-key", Map.of());
        for (int i = 0; i < 30; i++) {
            Http.Reply r = server.postFrom("2001:db8:7:7::" + Integer.toHexString(i + 1), server.provider("api-key", "login"),
                    "{\"key\":\"guess-" + i + "\"}");
            assertRefused(r, 401, "AuthError");
        }

        Http.Reply refused = server.postFrom("2001:db8:7:7:ffff::1", server.provider("api-key", "login"), "{\"key\":\"guess-30\"}");

        assertRefused(refused, 429, "TooManyRequests");
        assertThat(refused.raw().headers().firstValue("Retry-After")).isPresent();
        assertRefused(server.postFrom("2001:db8:7:8::1", server.provider("api-key", "login"), "{\"key\":\"guess\"}"),
                401, "AuthError");
    }
}
