package dev.atrium.server.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import dev.atrium.server.testing.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * E-mail/password users made by an operator through the admin API: created with a password,
 * invited (a reset link by the app's mail server), sent a password reset; each then logs in
 * through the client API. A real SMTP server (GreenMail) receives the mail.
 */
class AdminUserAccountsTest {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;
    TestServer server;
    String token;
    String users;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.sqlite(dir);
        token = Files.readString(dir.resolve("admin-token")).trim();
        users = server.baseUrl() + "/api/admin/v1/apps/" + server.appId() + "/users";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Http.Reply admin(String method, String url, String body) {
        return Http.send(method, url, token, body);
    }

    private void emailMode() {
        server.enable("local-userpass", Map.of("reset", "email", "reset_url", "https://app.example/reset",
                "smtp", Map.of("host", "127.0.0.1", "port", mail.getSmtp().getPort(), "from", "auth@app.example")));
    }

    private Http.Reply login(String email, String password) {
        return server.send("POST", server.provider("local-userpass", "login"), null,
                "{\"username\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    /** The token and tokenId of the {@code n}th mail's link. */
    private String[] link(int n) {
        assertThat(mail.waitForIncomingEmail(10_000, n)).as("mail #%d arrived", n).isTrue();
        String body = GreenMailUtil.getBody(mail.getReceivedMessages()[n - 1]).replace("=\r\n", "").replace("=3D", "=");
        Matcher m = Pattern.compile("https://app\\.example/reset\\?token=([A-Za-z0-9_-]+)&tokenId=([0-9a-f]{24})").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return new String[] {m.group(1), m.group(2)};
    }

    private Http.Reply reset(String[] link, String password) {
        return server.send("POST", server.provider("local-userpass", "reset"), null,
                "{\"password\":\"" + password + "\",\"token\":\"" + link[0] + "\",\"tokenId\":\"" + link[1] + "\"}");
    }

    @Test
    void createdUserIsListedWithItsEmailAndLogsInWithItsPasswordAsThatUser() {
        server.enable("local-userpass", Map.of());

        Http.Reply created = admin("POST", users, "{\"email\":\" Ann@Example.com \",\"password\":\"correct-horse\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.json().get("email").asText()).isEqualTo("ann@example.com");
        assertThat(created.json().get("identities").get(0).get("provider_type").asText()).isEqualTo("local-userpass");
        assertThat(admin("GET", users + "?search=ANN@", null).json().get("users").get(0).get("id").asText()).isEqualTo(id);
        Http.Reply login = login("ann@example.com", "correct-horse");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.json().get("user_id").asText()).as("the login finds the user the operator made").isEqualTo(id);
        assertThat(mail.getReceivedMessages()).as("no mail for a created user").isEmpty();
        assertThat(server.atrium.store().events().recent(server.appId(), 1).getFirst().type()).isEqualTo("user.created");
    }

    @Test
    void createdUserWhoseEmailHasAnAccountIsRefusedAndNothingChanges() {
        server.enable("local-userpass", Map.of());
        admin("POST", users, "{\"email\":\"ann@example.com\",\"password\":\"correct-horse\"}");
        long before = admin("GET", users, null).json().get("total").asLong();

        Http.Reply again = admin("POST", users, "{\"email\":\"ANN@example.com\",\"password\":\"other-pass\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error_code").asText()).isEqualTo("AccountNameInUse");
        assertThat(admin("GET", users, null).json().get("total").asLong()).isEqualTo(before);
        assertThat(login("ann@example.com", "correct-horse").status()).isEqualTo(200);
    }

    @Test
    void createdUserIsRefusedWhenLocalUserpassIsNotEnabled() {
        Http.Reply r = admin("POST", users, "{\"email\":\"ann@example.com\",\"password\":\"correct-horse\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error_code").asText()).isEqualTo("InvalidParameter");
        assertThat(r.json().get("error").asText()).contains("local-userpass is not enabled");
        assertThat(admin("GET", users + "?search=ann", null).json().get("total").asLong()).isZero();
    }

    @Test
    void invitedUserGetsAResetLinkByMailSetsAPasswordWithItAndLogsInAsThatUser() throws Exception {
        emailMode();

        Http.Reply invited = admin("POST", users + "/invite", "{\"email\":\"bea@example.com\"}");

        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String id = invited.json().get("id").asText();
        assertThat(mail.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("bea@example.com");
        assertThat(login("bea@example.com", "chosen-pass").status()).as("no password yet").isEqualTo(401);
        assertThat(reset(link(1), "chosen-pass").status()).isEqualTo(204);
        Http.Reply login = login("bea@example.com", "chosen-pass");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.json().get("user_id").asText()).isEqualTo(id);
    }

    @Test
    void inviteWhoseMailCannotBeDeliveredIsA502AndLeavesNoUser() {
        server.enable("local-userpass", Map.of("reset", "email", "reset_url", "https://app.example/reset",
                "smtp", Map.of("host", "127.0.0.1", "port", 1, "from", "auth@app.example")));

        Http.Reply r = admin("POST", users + "/invite", "{\"email\":\"cy@example.com\"}");

        assertThat(r.status()).isEqualTo(502);
        assertThat(r.json().get("error_code").asText()).isEqualTo("DeliveryFailed");
        assertThat(admin("GET", users + "?search=cy@", null).json().get("total").asLong()).isZero();
    }

    @Test
    void inviteIsRefusedWhenTheAppHasNoResetChannel() {
        server.enable("local-userpass", Map.of("reset", "none"));

        Http.Reply r = admin("POST", users + "/invite", "{\"email\":\"dee@example.com\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("password reset is not configured");
        assertThat(admin("GET", users + "?search=dee", null).json().get("total").asLong()).isZero();
    }

    @Test
    void passwordResetSentByTheOperatorLetsTheUserSetANewPassword() {
        emailMode();
        String id = admin("POST", users, "{\"email\":\"eve@example.com\",\"password\":\"old-password\"}").json().get("id").asText();

        Http.Reply sent = admin("POST", users + "/" + id + "/reset-password", null);

        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("sent_to").asText()).isEqualTo("eve@example.com");
        assertThat(reset(link(1), "new-password").status()).isEqualTo(204);
        assertThat(login("eve@example.com", "old-password").status()).isEqualTo(401);
        assertThat(login("eve@example.com", "new-password").json().get("user_id").asText()).isEqualTo(id);
    }

    @Test
    void passwordResetOfAGuestIsRefusedAndOfAnUnknownUserIsUserNotFound() {
        emailMode();
        String guest = server.guestLogin().get("user_id").asText();

        Http.Reply r = admin("POST", users + "/" + guest + "/reset-password", null);
        Http.Reply unknown = admin("POST", users + "/000000000000000000000001/reset-password", null);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("has no local-userpass identity");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error_code").asText()).isEqualTo("UserNotFound");
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void passwordResetByWebhookReachesTheAppsReceiver() {
        try (WebhookReceiver hook = new WebhookReceiver()) {
            server.enable("local-userpass", Map.of("reset", "webhook", "webhook_url", hook.url(), "webhook_secret", "s3cret-hook"));
            String id = admin("POST", users, "{\"email\":\"fay@example.com\",\"password\":\"old-password\"}").json().get("id").asText();

            assertThat(admin("POST", users + "/" + id + "/reset-password", null).status()).isEqualTo(200);

            JsonNode call = hook.last("reset", "fay@example.com");
            assertThat(call).isNotNull();
            assertThat(call.get("tokenId").asText()).hasSize(24);
        }
    }
}
