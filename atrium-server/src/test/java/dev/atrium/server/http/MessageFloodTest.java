package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import dev.atrium.server.testing.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mail and webhook floods as an attacker sends them (docs/architecture.md, Abuse): every confirmation and
 * reset message to one address counts against it (3 at once, then 3 an hour), known address or
 * not, from however many networks; over the limit 429 with Retry-After, and nothing is sent.
 * Counted at a real SMTP server and a real webhook receiver once the server has stopped (so
 * deliveries that run after their answer are done).
 */
class MessageFloodTest {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final String ANN = "ann@example.com";
    static final String NOBODY = "nobody@example.com";

    @TempDir
    Path dir;
    TestServer server;
    WebhookReceiver hook;

    @BeforeEach
    void start() {
        server = TestServer.behindProxy(dir);
        hook = new WebhookReceiver();
        hook.answer(200, "{\"status\":\"pending\"}");
        server.enable("local-userpass", Map.of()); // auto confirmation: Ann's account costs her address no message
        assertThat(post("10.0.0.1", "register", "{\"email\":\"" + ANN + "\",\"password\":\"secret1\"}").status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        server.close();
        hook.close();
    }

    private void byMail() {
        server.enable("local-userpass", Map.of("confirmation", "email", "reset", "email",
                "confirm_url", "https://app.example/confirm", "reset_url", "https://app.example/reset",
                "smtp", Map.of("host", "127.0.0.1", "port", mail.getSmtp().getPort(), "from", "auth@app.example")));
    }

    private void byWebhook() {
        server.enable("local-userpass", Map.of("confirmation", "webhook", "reset", "webhook", "webhook_url", hook.url(),
                "webhook_secret", "userpass-hook-secret"));
    }

    private Http.Reply post(String from, String route, String body) {
        return server.postFrom(from, server.provider("local-userpass", route), body);
    }

    /** {@code n} requests of {@code route} with {@code body}, each from a network of its own (a botnet). */
    private List<Http.Reply> flood(String route, String body, int n, int firstNetwork) {
        List<Http.Reply> replies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            replies.add(post(PasswordGuessingTest.network(firstNetwork + i), route, body));
        }
        return replies;
    }

    private static void assertAnsweredThenLimited(List<Http.Reply> replies, int admitted, String retryAfter) {
        replies.subList(0, admitted).forEach(r -> assertThat(r.status()).as(r.body()).isEqualTo(204));
        replies.subList(admitted, replies.size()).forEach(r -> {
            PasswordGuessingTest.assertRefused(r, 429, "TooManyRequests");
            assertThat(r.json().get("error").asText()).isEqualTo("too many messages to this address; retry later");
            assertThat(r.raw().headers().firstValue("Retry-After")).hasValue(retryAfter);
        });
    }

    private long mailsTo(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
        }).count();
    }

    @Test
    void thirtyResetMailsForOneAddressSendThreeWhetherItHasAnAccountOrNot() {
        byMail();
        List<Http.Reply> known = flood("reset/send", "{\"email\":\"" + ANN + "\"}", 30, 0);
        List<Http.Reply> unknown = flood("reset/send", "{\"email\":\"" + NOBODY + "\"}", 30, 100);
        server.close();

        assertAnsweredThenLimited(known, 3, "1200"); // one message back every 20 minutes
        assertAnsweredThenLimited(unknown, 3, "1200");
        assertThat(known.get(0).body()).isEqualTo(unknown.get(0).body()).isEmpty();
        assertThat(known.get(0).contentType()).isEqualTo(unknown.get(0).contentType()).isNull();
        PasswordGuessingTest.assertSameAnswer(known.get(3), unknown.get(3));
        assertThat(mailsTo(ANN)).isEqualTo(3);
        assertThat(mailsTo(NOBODY)).isZero();
    }

    @Test
    void eachKindOfMessageIsCutAtThreePerAddressAndOnlyThreeGoOut() {
        record Flood(String name, Runnable mode, String route, String body, Supplier<Long> delivered) {}
        String email = "{\"email\":\"" + ANN + "\"}";
        List<Flood> floods = List.of(
                new Flood("confirmation mails", this::byMail, "confirm/send", email, () -> mailsTo(ANN)),
                new Flood("confirmation webhook calls", this::byWebhook, "confirm/call", email,
                        () -> (long) hook.all("confirm", ANN).size()),
                new Flood("reset webhook calls", this::byWebhook, "reset/send", email, () -> (long) hook.all("reset", ANN).size()),
                new Flood("reset function calls", this::byWebhook, "reset/call",
                        "{\"email\":\"" + ANN + "\",\"password\":\"newpass1\",\"arguments\":[]}",
                        () -> (long) hook.all("reset_function", ANN).size()));
        unconfirm(ANN); // confirmations go only to unconfirmed accounts

        for (int i = 0; i < floods.size(); i++) {
            floods.get(i).mode().run();
            assertAnsweredThenLimited(flood(floods.get(i).route(), floods.get(i).body(), 10, 1000 * (i + 1)), 3, "1200");
            server.clock.advance(Duration.ofHours(1)); // the next kind starts on a full bucket
        }
        server.close();

        floods.forEach(f -> assertThat(f.delivered().get()).as(f.name()).isEqualTo(3));
    }

    @Test
    void allKindsOfMessageShareTheAddresssLimit() {
        byWebhook();
        unconfirm(ANN);
        String email = "{\"email\":\"" + ANN + "\"}";

        assertThat(post("10.2.0.1", "confirm/call", email).status()).isEqualTo(204);
        assertThat(post("10.2.0.2", "reset/send", email).status()).isEqualTo(204);
        assertThat(post("10.2.0.3", "reset/call", "{\"email\":\"" + ANN + "\",\"password\":\"newpass1\"}").status())
                .isEqualTo(204);
        assertThat(post("10.2.0.4", "confirm/send", email).status()).isEqualTo(429);
    }

    /** Marks the account unconfirmed through the store (no route does that; registering in auto mode confirms). */
    private void unconfirm(String email) {
        var accounts = server.atrium.store().userpass();
        accounts.update(accounts.findByEmail(server.appId(), email).orElseThrow().withConfirmed(false, null), null);
    }

    @Test
    void registrationsConfirmationCountsAgainstTheAddressAndTimeGivesOneBack() {
        byWebhook();
        String newcomer = "{\"email\":\"new@example.com\",\"password\":\"secret1\"}";
        assertThat(post("10.1.0.1", "register", newcomer).status()).isEqualTo(201);
        List<Http.Reply> resends = flood("confirm/send", "{\"email\":\"new@example.com\"}", 3, 200);

        assertAnsweredThenLimited(resends, 2, "1200");
        server.clock.advance(Duration.ofMinutes(20));
        assertThat(post("10.1.0.2", "confirm/send", "{\"email\":\"new@example.com\"}").status()).isEqualTo(204);
        assertThat(post("10.1.0.3", "confirm/send", "{\"email\":\"new@example.com\"}").status()).isEqualTo(429);
        server.close();

        assertThat(hook.all("confirm", "new@example.com")).hasSize(4);
    }

    @Test
    void theAppsSettingsThroughTheAdminApiChangeTheNumbers() throws Exception {
        byWebhook();
        String token = Files.readString(dir.resolve("admin-token")).trim();
        Http.Reply patched = Http.send("PATCH", server.baseUrl() + "/api/admin/v1/apps/" + server.appId() + "/settings", token,
                "{\"email_burst\":5,\"email_rate_per_hour\":10}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("email_burst").asInt()).isEqualTo(5);

        List<Http.Reply> replies = flood("reset/send", "{\"email\":\"" + ANN + "\"}", 8, 0);
        server.close();

        assertAnsweredThenLimited(replies, 5, "360");
        assertThat(hook.all("reset", ANN)).hasSize(5);
    }
}
