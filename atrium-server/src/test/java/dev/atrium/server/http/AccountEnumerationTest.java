package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import dev.atrium.server.testing.WebhookReceiver;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether an address has an account must not show (Task: no account enumeration by default): the
 * token requests answer an unknown, an unconfirmed and a confirmed address alike and send only
 * what applies; login answers an unknown address and a wrong password alike after one Argon2
 * computation each. {@code "reveal_unknown_email": true} restores App Services' UserNotFound.
 */
class AccountEnumerationTest {
    static final String UNCONFIRMED = "una@example.com";
    static final String CONFIRMED = "conny@example.com";
    static final String UNKNOWN = "nobody@example.com";

    @TempDir
    Path dir;
    TestServer server;
    WebhookReceiver hook;

    @BeforeEach
    void start() {
        server = TestServer.behindProxy(dir);
        hook = new WebhookReceiver();
        hook.answer(200, "{\"status\":\"pending\"}");
        webhookMode(false);
        server.throttling(Map.of("email_burst", 10)); // the table sends each address more than the default 3
        register(UNCONFIRMED);
        register(CONFIRMED);
        var c = hook.await("confirm", CONFIRMED, 1);
        assertThat(post("confirm", "{\"token\":\"" + c.get("token").asText() + "\",\"tokenId\":\"" + c.get("tokenId").asText()
                + "\"}").status()).isEqualTo(204);
    }

    @AfterEach
    void stop() {
        server.close();
        hook.close();
    }

    private void webhookMode(boolean reveal) {
        server.enable("local-userpass", Map.of("confirmation", "webhook", "reset", "webhook", "webhook_url", hook.url(),
                "reveal_unknown_email", reveal, "webhook_secret", "userpass-hook-secret"));
    }

    private void register(String email) {
        assertThat(post("register", "{\"email\":\"" + email + "\",\"password\":\"secret1\"}").status()).isEqualTo(201);
    }

    private Http.Reply post(String route, String body) {
        return server.send("POST", server.provider("local-userpass", route), null, body);
    }

    private static String email(String address) {
        return "{\"email\":\"" + address + "\",\"password\":\"newpass1\",\"arguments\":[]}";
    }

    record Request(String route, String webhookType) {}

    static final List<Request> TOKEN_REQUESTS = List.of(new Request("confirm/send", "confirm"),
            new Request("confirm/call", "confirm"), new Request("reset/send", "reset"), new Request("reset/call", "reset_function"));

    @Test
    void tokenRequestsAnswerUnknownUnconfirmedAndConfirmedAddressesAlikeAndSendOnlyWhatApplies() {
        for (Request r : TOKEN_REQUESTS) {
            Http.Reply unknown = post(r.route(), email(UNKNOWN));
            Http.Reply unconfirmed = post(r.route(), email(UNCONFIRMED));
            Http.Reply confirmed = post(r.route(), email(CONFIRMED));

            for (Http.Reply reply : List.of(unknown, unconfirmed, confirmed)) {
                assertThat(reply.status()).as(r.route() + ": " + reply.body()).isEqualTo(204);
                assertThat(reply.body()).isEmpty();
                assertThat(reply.contentType()).isNull();
            }
        }
        server.close(); // deliveries after the answer are done

        assertThat(hook.all("confirm", UNCONFIRMED)).as("registration + confirm/send + confirm/call").hasSize(3);
        assertThat(hook.all("confirm", CONFIRMED)).as("registration only").hasSize(1);
        assertThat(hook.all("reset", UNCONFIRMED)).hasSize(1);
        assertThat(hook.all("reset", CONFIRMED)).hasSize(1);
        assertThat(hook.all("reset_function", UNCONFIRMED)).hasSize(1);
        assertThat(hook.all("reset_function", CONFIRMED)).hasSize(1);
        assertThat(hook.received).noneMatch(n -> n.path("email").asText().equals(UNKNOWN));
    }

    @Test
    void aFailingDeliveryAnswersLikeAnUnknownAddress() {
        hook.answer(500, "{}");

        Http.Reply known = post("reset/send", email(CONFIRMED));
        Http.Reply unknown = post("reset/send", email(UNKNOWN));

        assertThat(known.status()).isEqualTo(unknown.status()).isEqualTo(204);
        assertThat(known.body()).isEqualTo(unknown.body());
    }

    @Test
    void whenTheAppRevealsUnknownEmailsThenUserNotFoundAndUserAlreadyConfirmedAsAppServices() {
        webhookMode(true);

        for (Request r : TOKEN_REQUESTS) {
            Http.Reply unknown = post(r.route(), email(UNKNOWN));
            PasswordGuessingTest.assertRefused(unknown, 404, "UserNotFound");
            assertThat(unknown.json().get("error").asText()).isEqualTo("user not found");
        }
        PasswordGuessingTest.assertRefused(post("confirm/send", email(CONFIRMED)), 409, "UserAlreadyConfirmed");
        assertThat(post("reset/send", email(CONFIRMED)).status()).isEqualTo(204);
        assertThat(hook.all("reset", CONFIRMED)).as("delivered before the answer").hasSize(1);
        hook.answer(500, "{}");
        PasswordGuessingTest.assertRefused(post("confirm/send", email(UNCONFIRMED)), 502, "DeliveryFailed");
    }

    @Test
    void loginWithAnUnknownAddressAndWithAWrongPasswordAnswerAlikeAfterOneHashEach() {
        server.enable("local-userpass", Map.of());
        long before = hashes();
        Http.Reply unknown = server.postFrom("10.0.0.1", server.provider("local-userpass", "login"),
                "{\"username\":\"" + UNKNOWN + "\",\"password\":\"secret1\"}");
        long afterUnknown = hashes();
        Http.Reply wrong = server.postFrom("10.0.0.2", server.provider("local-userpass", "login"),
                "{\"username\":\"" + CONFIRMED + "\",\"password\":\"secret2\"}");
        long afterWrong = hashes();

        PasswordGuessingTest.assertRefused(unknown, 401, "InvalidPassword");
        PasswordGuessingTest.assertSameAnswer(unknown, wrong);
        assertThat(afterUnknown - before).as("Argon2 computations for an unknown address").isEqualTo(1);
        assertThat(afterWrong - afterUnknown).as("Argon2 computations for a wrong password").isEqualTo(1);
    }

    /** {@code atrium_password_hashes_total} from /metrics. */
    private long hashes() {
        String metrics = Http.send("GET", server.baseUrl() + "/metrics", null, null).body();
        return metrics.lines().filter(l -> l.startsWith("atrium_password_hashes_total "))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no atrium_password_hashes_total in /metrics"));
    }
}
