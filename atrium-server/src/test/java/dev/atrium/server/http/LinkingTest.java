package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import dev.atrium.server.testing.Tokens;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Linking a guest to a lasting identity (docs/architecture.md, Linking keeps the user; docs/client-api.md, Login and linking). */
class LinkingTest {
    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.sqlite(dir);
        server.enable("local-userpass", Map.of());
        server.enable("api-key", Map.of());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void register(String email) {
        assertThat(server.send("POST", server.provider("local-userpass", "register"), null,
                "{\"email\":\"" + email + "\",\"password\":\"secret1\"}").status()).isEqualTo(201);
    }

    private Http.Reply link(String accessToken, String provider, String body) {
        return server.send("POST", server.provider(provider, "login?link=true"), accessToken, body);
    }

    private static String pw(String email, String password) {
        return "{\"username\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    private long identities() {
        return server.count("identities");
    }

    @Test
    void linkKeepsTheGuestIdAppendsTheIdentityAndTheFreshTokenIsNotAnonymous() {
        register("ann@example.com");
        JsonNode guest = server.guestLogin();

        Http.Reply r = link(guest.get("access_token").asText(), "local-userpass", pw("ann@example.com", "secret1"));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("user_id").asText()).isEqualTo(guest.get("user_id").asText());
        assertThat(r.json().has("refresh_token")).isFalse();
        assertThat(Tokens.claims(r.json().get("access_token").asText()).getClaim("is_anonymous")).isEqualTo(false);
        assertThat(Tokens.claims(r.json().get("access_token").asText()).getClaim("amr")).isEqualTo(List.of("anon-user", "local-userpass"));
        JsonNode profile = server.send("GET", server.client("/auth/profile"), r.json().get("access_token").asText(), null).json();
        assertThat(profile.get("identities").findValuesAsText("provider_type")).containsExactly("anon-user", "local-userpass");
        Http.Reply relogin = server.send("POST", server.provider("local-userpass", "login"), null, pw("ann@example.com", "secret1"));
        assertThat(relogin.json().get("user_id").asText()).isEqualTo(guest.get("user_id").asText());
    }

    @Test
    void logoutOfALinkedGuestKeepsTheUser() {
        register("ann@example.com");
        JsonNode guest = server.guestLogin();
        link(guest.get("access_token").asText(), "local-userpass", pw("ann@example.com", "secret1"));

        assertThat(server.send("DELETE", server.client("/auth/session"), guest.get("refresh_token").asText(), null).status()).isEqualTo(204);

        assertThat(server.atrium.store().users().find(server.appId(), guest.get("user_id").asText())).isPresent();
        assertThat(server.send("POST", server.client("/auth/session"), guest.get("refresh_token").asText(), null).status()).isEqualTo(401);
    }

    @Test
    void refusedLinksAnswerLinkRefusedNeverUnauthorizedAndChangeNothing() {
        register("ann@example.com");
        register("bob@example.com");
        register("cat@example.com");
        String owner = server.guestLogin().get("access_token").asText();
        link(owner, "local-userpass", pw("ann@example.com", "secret1"));
        String guest = server.guestLogin().get("access_token").asText();
        link(guest, "local-userpass", pw("bob@example.com", "secret1"));
        String fresh = server.guestLogin().get("access_token").asText();
        long before = identities();

        record Refusal(String why, String token, String provider, String body, String text) {}
        for (Refusal x : List.of(
                new Refusal("identity belongs to another user", fresh, "local-userpass", pw("ann@example.com", "secret1"), "another user"),
                new Refusal("user already has that provider", guest, "local-userpass", pw("cat@example.com", "secret1"), "already has"),
                new Refusal("same identity again", guest, "local-userpass", pw("bob@example.com", "secret1"), "already has"),
                new Refusal("wrong password", fresh, "local-userpass", pw("cat@example.com", "wrong12"), "invalid username/password"),
                new Refusal("unknown email", fresh, "local-userpass", pw("zed@example.com", "secret1"), "invalid username/password"),
                new Refusal("anonymous credentials", fresh, "anon-user", "{}", "anonymous"),
                new Refusal("unknown api key", fresh, "api-key", "{\"key\":\"nope\"}", "invalid API key"))) {
            Http.Reply r = link(x.token, x.provider, x.body);

            assertThat(r.status()).as(x.why + ": " + r.body()).isEqualTo(409);
            assertThat(r.json().get("error_code").asText()).as(x.why).isEqualTo("LinkRefused");
            assertThat(r.json().get("error").asText()).as(x.why).contains(x.text).doesNotContain("unauthorized");
        }
        assertThat(identities()).isEqualTo(before);
    }

    @Test
    void linkWithATokenOfAnotherAppOrWithoutTokenIsInvalidSession() {
        register("ann@example.com");

        Http.Reply none = link(null, "local-userpass", pw("ann@example.com", "secret1"));

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("error_code").asText()).isEqualTo("InvalidSession");
    }

    @Test
    void guestLinksItsOwnApiKeyAndLogsInWithItAsTheSameUser() {
        JsonNode guest = server.guestLogin();
        JsonNode key = server.send("POST", server.client("/auth/api_keys"), guest.get("refresh_token").asText(), "{\"name\":\"device\"}").json();
        String keyBody = "{\"key\":\"" + key.get("key").asText() + "\"}";

        Http.Reply r = link(guest.get("access_token").asText(), "api-key", keyBody);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(Tokens.claims(r.json().get("access_token").asText()).getClaim("is_anonymous")).isEqualTo(false);
        assertThat(server.send("POST", server.provider("api-key", "login"), null, keyBody).json().get("user_id").asText())
                .isEqualTo(guest.get("user_id").asText());
        String other = server.guestLogin().get("access_token").asText();
        Http.Reply stolen = link(other, "api-key", keyBody);
        assertThat(stolen.status()).isEqualTo(409);
        assertThat(stolen.json().get("error").asText()).contains("another user");
    }

    @Test
    void twoGuestsLinkingTheSameEmailAtOnceThenExactlyOneWins() throws Exception {
        register("ann@example.com");
        String a = server.guestLogin().get("access_token").asText();
        String b = server.guestLogin().get("access_token").asText();
        CountDownLatch go = new CountDownLatch(1);

        List<CompletableFuture<Integer>> calls = List.of(a, b).stream().map(t -> CompletableFuture.supplyAsync(() -> {
            await(go);
            return link(t, "local-userpass", pw("ann@example.com", "secret1")).status();
        })).toList();
        go.countDown();

        assertThat(calls.stream().map(CompletableFuture::join).toList()).containsExactlyInAnyOrder(200, 409);
        assertThat(server.atrium.store().users().findByIdentity(server.appId(), "local-userpass",
                server.atrium.store().userpass().findByEmail(server.appId(), "ann@example.com").orElseThrow().id())).isPresent();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
