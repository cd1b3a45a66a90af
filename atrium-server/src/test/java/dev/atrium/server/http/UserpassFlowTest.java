package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import dev.atrium.server.testing.WebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Email/password accounts (docs/client-api.md, E-mail/password routes) over HTTP, with a real SMTP receiver and webhook. */
class UserpassFlowTest {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()); // parallel runs never clash

    @TempDir
    Path dir;
    TestServer server;
    WebhookReceiver hook;

    @BeforeEach
    void start() {
        server = TestServer.sqlite(dir);
        hook = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        server.close();
        hook.close();
    }

    private Http.Reply post(String route, String body) {
        return server.send("POST", server.provider("local-userpass", route), null, body);
    }

    private static String creds(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    private Http.Reply login(String email, String password) {
        return post("login", "{\"username\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    private static void assertError(Http.Reply r, int status, String code, String text) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.json().get("error_code").asText()).isEqualTo(code);
        assertThat(r.json().get("error").asText()).contains(text);
    }

    private void emailMode() {
        server.enable("local-userpass", Map.of("confirmation", "email", "reset", "email",
                "confirm_url", "https://app.example/confirm", "reset_url", "https://app.example/reset",
                "smtp", Map.of("host", "127.0.0.1", "port", mail.getSmtp().getPort(), "from", "auth@app.example")));
    }

    private void webhookMode() {
        server.enable("local-userpass", Map.of("confirmation", "webhook", "reset", "webhook", "webhook_url", hook.url(),
                "webhook_secret", "userpass-hook-secret"));
    }

    /** token and tokenId of the {@code n}th mail (waiting for it: token requests mail after answering), from its link. */
    private static String[] tokenFromMail(int n) {
        assertThat(mail.waitForIncomingEmail(10_000, n)).as("mail #%d arrived", n).isTrue();
        var messages = mail.getReceivedMessages();
        String body = GreenMailUtil.getBody(messages[n - 1]).replace("=\r\n", "").replace("=3D", "=");
        Matcher m = Pattern.compile("token=([A-Za-z0-9_-]+)&tokenId=([0-9a-f]{24})").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return new String[] {m.group(1), m.group(2)};
    }

    private static String tokenBody(String token, String tokenId) {
        return "{\"token\":\"" + token + "\",\"tokenId\":\"" + tokenId + "\"}";
    }

    @Test
    void registerWhenAutomaticThenLoginCreatesTheUserWithTheEmailInItsProfile() {
        server.enable("local-userpass", Map.of());

        assertThat(post("register", creds("Ann@Example.com", "secret1")).status()).isEqualTo(201);
        Http.Reply first = login("ann@example.com", "secret1");
        Http.Reply second = login("ANN@example.com", "secret1");

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.json().get("user_id").asText()).isEqualTo(first.json().get("user_id").asText());
        JsonNode profile = server.send("GET", server.client("/auth/profile"), first.json().get("access_token").asText(), null).json();
        assertThat(profile.get("identities").get(0).get("provider_type").asText()).isEqualTo("local-userpass");
        assertThat(profile.get("data").get("email").asText()).isEqualTo("ann@example.com");
    }

    @Test
    void registerRefusalsNameTheRuleAndWriteNothing() {
        server.enable("local-userpass", Map.of());
        post("register", creds("ann@example.com", "secret1"));

        assertError(post("register", creds("ANN@example.com", "other12")), 409, "AccountNameInUse", "name already in use");
        assertError(post("register", creds("bob@example.com", "12345")), 400, "BadRequest", "between 6 and 128");
        assertError(post("register", creds("bob@example.com", "x".repeat(129))), 400, "BadRequest", "between 6 and 128");
        assertError(post("register", creds("not-an-email", "secret1")), 400, "InvalidParameter", "email");
        assertError(post("register", "{\"email\":\"bob@example.com\"}"), 400, "MissingParameter", "password");
        assertError(post("register", "{\"email\":5,\"password\":\"secret1\"}"), 400, "InvalidParameter", "email");
        assertThat(server.count("userpass")).isEqualTo(1);
    }

    @Test
    void unknownEmailAndWrongPasswordGetTheSameAnswer() {
        server.enable("local-userpass", Map.of());
        post("register", creds("ann@example.com", "secret1"));

        Http.Reply unknown = login("nobody@example.com", "secret1");
        Http.Reply wrong = login("ann@example.com", "secret2");

        assertError(unknown, 401, "InvalidPassword", "unauthorized");
        assertError(wrong, 401, "InvalidPassword", "unauthorized");
        assertThat(unknown.json().get("error").asText()).isEqualTo(wrong.json().get("error").asText());
    }

    @Test
    void emailConfirmationMailsALinkWhoseTokenConfirmsOnce() throws Exception {
        emailMode();
        assertThat(post("register", creds("ann@example.com", "secret1")).status()).isEqualTo(201);
        assertThat(mail.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("ann@example.com");
        String[] t = tokenFromMail(1);

        assertError(login("ann@example.com", "secret1"), 401, "AuthError", "confirmation required");
        assertError(post("confirm", tokenBody(t[0] + "x", t[1])), 400, "UserpassTokenInvalid", "invalid token data");
        assertThat(post("confirm", tokenBody(t[0], t[1])).status()).isEqualTo(204);
        assertThat(login("ann@example.com", "secret1").status()).isEqualTo(200);
        assertError(post("confirm", tokenBody(t[0], t[1])), 400, "UserpassTokenInvalid", "invalid token data");
    }

    @Test
    void confirmationTokenExpiresAndResendIssuesAFreshOne() {
        emailMode();
        post("register", creds("ann@example.com", "secret1"));
        String[] old = tokenFromMail(1);
        server.clock.advance(Duration.ofMinutes(31));

        assertError(post("confirm", tokenBody(old[0], old[1])), 400, "UserpassTokenInvalid", "invalid token data");
        assertThat(post("confirm/send", "{\"email\":\"ann@example.com\"}").status()).isEqualTo(204);
        String[] fresh = tokenFromMail(2);
        assertThat(fresh[1]).isNotEqualTo(old[1]);
        assertThat(post("confirm", tokenBody(fresh[0], fresh[1])).status()).isEqualTo(204);
    }

    @Test
    void webhookConfirmationReceivesTokenAndTokenIdAndConfirmCallRetriesIt() {
        webhookMode();
        post("register", creds("ann@example.com", "secret1"));
        JsonNode first = hook.last("confirm", "ann@example.com");

        assertThat(post("confirm/call", "{\"email\":\"ann@example.com\"}").status()).isEqualTo(204);
        JsonNode retried = hook.await("confirm", "ann@example.com", 2);
        assertThat(retried.get("tokenId").asText()).isNotEqualTo(first.get("tokenId").asText());
        assertThat(post("confirm", tokenBody(retried.get("token").asText(), retried.get("tokenId").asText())).status()).isEqualTo(204);
    }

    @Test
    void failedDeliveryRegistersNothing() {
        webhookMode();
        hook.answer(500, "{}");

        Http.Reply refused = post("register", creds("ann@example.com", "secret1"));
        assertError(refused, 502, "DeliveryFailed", "could not deliver");
        assertThat(refused.json().get("error").asText()).as("the receiver's status is the log's, not the caller's")
                .isEqualTo("could not deliver the message to the app's mail server or webhook; nothing was changed");
        assertThat(server.count("userpass")).isZero();
        hook.answer(200, "{}");
        assertThat(post("register", creds("ann@example.com", "secret1")).status()).isEqualTo(201);
    }

    @Test
    void resetByMailSetsTheNewPasswordOnceAndRevokesSessions() {
        emailMode();
        post("register", creds("ann@example.com", "secret1"));
        String[] c = tokenFromMail(1);
        post("confirm", tokenBody(c[0], c[1]));
        String refresh = login("ann@example.com", "secret1").json().get("refresh_token").asText();

        assertThat(post("reset/send", "{\"email\":\"ann@example.com\"}").status()).isEqualTo(204);
        String[] r = tokenFromMail(2);
        String reset = "{\"password\":\"newpass1\",\"token\":\"" + r[0] + "\",\"tokenId\":\"" + r[1] + "\"}";
        assertThat(post("reset", reset).status()).isEqualTo(204);

        assertError(post("reset", reset), 400, "UserpassTokenInvalid", "invalid token data");
        assertError(login("ann@example.com", "secret1"), 401, "InvalidPassword", "unauthorized");
        assertThat(login("ann@example.com", "newpass1").status()).isEqualTo(200);
        assertThat(server.send("POST", server.client("/auth/session"), refresh, null).status()).isEqualTo(401);
    }

    @Test
    void resetFunctionDecidesSuccessPendingOrFail() {
        webhookMode();
        server.throttling(Map.of("email_burst", 10)); // four messages to one address: more than the default burst
        post("register", creds("ann@example.com", "secret1"));
        JsonNode c = hook.last("confirm", "ann@example.com");
        post("confirm", tokenBody(c.get("token").asText(), c.get("tokenId").asText()));
        String call = "{\"email\":\"ann@example.com\",\"password\":\"%s\",\"arguments\":[\"sms-ok\"]}";

        hook.answer(200, "{\"status\":\"fail\"}");
        assertError(post("reset/call", call.formatted("newpass1")), 400, "BadRequest", "refused");
        hook.answer(200, "{\"status\":\"success\"}");
        assertThat(post("reset/call", call.formatted("newpass1")).status()).isEqualTo(204);
        assertThat(hook.last("reset_function", "ann@example.com").get("arguments").get(0).asText()).isEqualTo("sms-ok");
        assertThat(hook.last("reset_function", "ann@example.com").has("password")).as("the password never leaves").isFalse();
        assertThat(login("ann@example.com", "newpass1").status()).isEqualTo(200);

        hook.answer(200, "{\"status\":\"pending\"}");
        assertThat(post("reset/call", call.formatted("ignored1")).status()).isEqualTo(204);
        JsonNode pending = hook.last("reset_function", "ann@example.com");
        assertThat(login("ann@example.com", "newpass1").status()).as("pending changes nothing yet").isEqualTo(200);
        assertThat(post("reset", "{\"password\":\"third333\",\"token\":\"" + pending.get("token").asText()
                + "\",\"tokenId\":\"" + pending.get("tokenId").asText() + "\"}").status()).isEqualTo(204);
        assertThat(login("ann@example.com", "third333").status()).isEqualTo(200);
    }

    @Test
    void routesOfADisabledProviderAnswerAuthProviderNotFound() {
        assertError(post("register", creds("ann@example.com", "secret1")), 404, "AuthProviderNotFound", "local-userpass");
        assertError(login("ann@example.com", "secret1"), 404, "AuthProviderNotFound", "local-userpass");
    }
}
