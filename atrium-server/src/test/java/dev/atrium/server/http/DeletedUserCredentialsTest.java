package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.atrium.server.testing.Accounts;
import dev.atrium.server.testing.Accounts.Held;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import dev.atrium.server.testing.WebhookReceiver;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Deleting a user deletes its credentials, as in App Services: whichever
 * way it is deleted, its e-mail and password no longer log in (the same 401 as an unknown e-mail),
 * its pending reset token and API keys are dead, and the person can sign up again with the same
 * e-mail or external identity as a new user.
 */
class DeletedUserCredentialsTest {
    private static final String SECRET = "a-shared-secret-of-at-least-256-bits!!";

    @TempDir
    Path dir;
    TestServer server;
    WebhookReceiver hook;
    Accounts accounts;

    @BeforeEach
    void start() {
        server = TestServer.sqlite(dir);
        hook = new WebhookReceiver();
        server.enable("local-userpass", Map.of("reset", "webhook", "webhook_url", hook.url(),
                "webhook_secret", "userpass-hook-secret"));
        server.enable("api-key", Map.of());
        server.enable("custom-token", Map.of("shared_secret", SECRET, "algorithms", List.of("HS256"),
                "audience", "my-app", "issuer", "https://id.example"));
        accounts = new Accounts(server);
    }

    @AfterEach
    void stop() {
        server.close();
        hook.close();
    }

    /** The ways a user with lasting credentials is deleted (a guest's logout and the sweeper delete guests, which have none). */
    enum Deletion {
        SELF, ADMIN, ADMIN_BULK;

        void apply(DeletedUserCredentialsTest t, Held user) {
            switch (this) {
                case SELF -> assertThat(t.server.send("DELETE", t.server.client("/auth/delete"), user.access(), null).status())
                        .isEqualTo(204);
                case ADMIN -> t.accounts.adminOnUser("DELETE", "", user.userId());
                case ADMIN_BULK -> assertThat(t.accounts.admin("POST", "/users/bulk-delete",
                        "{\"provider\":\"local-userpass\",\"dry_run\":false}").json().get("count").asLong()).isEqualTo(1);
            }
        }
    }

    private String externalToken(String subject) throws Exception {
        Instant now = server.clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).audience("my-app").issuer("https://id.example")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(SECRET));
        return jwt.serialize();
    }

    private Http.Reply login(String provider, String body) {
        return server.send("POST", server.provider(provider, "login"), null, body);
    }

    private static void assertError(Http.Reply r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.json().get("error_code").asText()).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Deletion.class)
    void afterDeletionTheCredentialsAreGoneAndTheSameEmailSignsUpAsANewUser(Deletion deletion) throws Exception {
        String email = Accounts.uniqueEmail("ann");
        Held ann = accounts.emailUser(email);
        String key = server.send("POST", server.client("/auth/api_keys"), ann.refresh(), "{\"name\":\"laptop\"}").json()
                .get("key").asText();
        String external = "{\"token\":\"" + externalToken("ext-ann") + "\"}";
        assertThat(server.send("POST", server.provider("custom-token", "login?link=true"), ann.access(), external).status())
                .isEqualTo(200);
        assertThat(server.send("POST", server.provider("local-userpass", "reset/send"), null,
                "{\"email\":\"" + email + "\"}").status()).isEqualTo(204);
        JsonNode pendingReset = hook.await("reset", email, 1); // delivered after the 204 (no enumeration)

        deletion.apply(this, ann);

        Http.Reply passwordLogin = accounts.passwordLogin(email, Accounts.PASSWORD);
        Http.Reply unknownEmail = accounts.passwordLogin(Accounts.uniqueEmail("nobody"), Accounts.PASSWORD);
        assertError(passwordLogin, 401, "InvalidPassword");
        assertThat(passwordLogin.json().get("error").asText()).isEqualTo("unauthorized")
                .isEqualTo(unknownEmail.json().get("error").asText());
        assertError(server.send("POST", server.provider("local-userpass", "reset"), null, "{\"token\":\""
                + pendingReset.get("token").asText() + "\",\"tokenId\":\"" + pendingReset.get("tokenId").asText()
                + "\",\"password\":\"taken-over-3\"}"), 400, "UserpassTokenInvalid");
        assertError(login("api-key", "{\"key\":\"" + key + "\"}"), 401, "AuthError");
        for (String table : List.of("users", "identities", "sessions", "userpass", "api_keys")) {
            assertThat(server.count(table)).as(table).isZero();
        }

        Http.Reply externalAgain = login("custom-token", external);
        Held again = accounts.emailUser(email);
        assertThat(externalAgain.status()).isEqualTo(200);
        assertThat(externalAgain.json().get("user_id").asText()).as("a new user").isNotEqualTo(ann.userId());
        assertThat(again.userId()).as("a new user").isNotEqualTo(ann.userId())
                .isNotEqualTo(externalAgain.json().get("user_id").asText());
        JsonNode profile = server.send("GET", server.client("/auth/profile"), again.access(), null).json();
        assertThat(profile.get("identities").findValuesAsText("provider_type")).containsExactly("local-userpass");
    }
}
