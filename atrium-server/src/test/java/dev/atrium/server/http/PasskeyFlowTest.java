package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.SoftAuthenticator;
import dev.atrium.server.testing.TestServer;
import dev.atrium.server.testing.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The passkey provider's ceremonies over HTTP with a software authenticator (docs/providers/passkey.md):
 * a guest keeps its id by registering a passkey, comes back with it and no username, may hold
 * several, lists and revokes them, and so does the operator.
 */
class PasskeyFlowTest {
    @TempDir
    Path dir;
    TestServer server;
    PasskeyCalls passkeys;

    @BeforeEach
    void start() {
        server = TestServer.sqlite(dir);
        passkeys = new PasskeyCalls(server).enabled();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String adminToken() throws Exception {
        return Files.readString(dir.resolve("admin-token")).trim();
    }

    private Http.Reply admin(String method, String suffix) throws Exception {
        return server.send(method, server.baseUrl() + "/api/admin/v1/apps/" + server.appId() + suffix, adminToken(), null);
    }

    @Test
    void registrationOptionsAskForADiscoverableUserVerifiedPasskeyOfTheRelyingParty() {
        JsonNode guest = server.guestLogin();

        JsonNode options = passkeys.creation(guest.get("access_token").asText());

        assertThat(options.at("/rp/id").asText()).isEqualTo("localhost");
        assertThat(options.at("/rp/name").asText()).isEqualTo("Blog");
        assertThat(options.at("/authenticatorSelection/residentKey").asText()).isEqualTo("required");
        assertThat(options.at("/authenticatorSelection/userVerification").asText()).isEqualTo("required");
        assertThat(options.get("attestation").asText()).isEqualTo("none");
        assertThat(options.get("pubKeyCredParams").findValuesAsText("alg")).containsExactly("-7", "-8", "-257");
        assertThat(options.get("challenge").asText()).matches("[A-Za-z0-9_-]{43}");
        assertThat(options.get("timeout").asLong()).isEqualTo(300_000);
        assertThat(options.get("excludeCredentials")).isEmpty();
    }

    @Test
    void aGuestWhoRegistersAPasskeyKeepsItsIdAndLogsInWithItWithNoUsername() {
        JsonNode guest = server.guestLogin();
        String userId = guest.get("user_id").asText();
        SoftAuthenticator phone = PasskeyCalls.authenticator();

        JsonNode registered = passkeys.registered(guest.get("access_token").asText(), phone);

        assertThat(registered.get("user_id").asText()).isEqualTo(userId);
        assertThat(registered.at("/credential/credential_id").asText()).isEqualTo(phone.credentialId());
        String access = registered.get("access_token").asText();
        assertThat(Tokens.claims(access).getClaim("is_anonymous")).isEqualTo(false);
        assertThat(Tokens.claims(access).getClaim("amr")).isEqualTo(List.of("anon-user", "passkey"));
        JsonNode profile = server.send("GET", server.client("/auth/profile"), access, null).json();
        assertThat(profile.get("identities").findValuesAsText("provider_type")).containsExactly("anon-user", "passkey");

        JsonNode login = passkeys.loggedIn(phone);

        assertThat(login.get("user_id").asText()).isEqualTo(userId);
        assertThat(login.fieldNames()).toIterable().containsExactlyInAnyOrder("access_token", "refresh_token", "user_id", "device_id");
        assertThat(server.send("POST", server.client("/auth/session"), login.get("refresh_token").asText(), null).status())
                .isEqualTo(201);
        assertThat(server.send("DELETE", server.client("/auth/session"), guest.get("refresh_token").asText(), null).status())
                .as("logging out of the guest's first session").isEqualTo(204);
        assertThat(passkeys.loggedIn(phone).get("user_id").asText()).as("a member is kept at logout").isEqualTo(userId);
    }

    @Test
    void aUserMayHoldSeveralPasskeysAndListsAndRevokesThem() {
        JsonNode guest = server.guestLogin();
        String access = guest.get("access_token").asText();
        SoftAuthenticator phone = PasskeyCalls.authenticator();
        SoftAuthenticator laptop = PasskeyCalls.authenticator();
        passkeys.registered(access, phone);

        JsonNode second = passkeys.registered(access, laptop);
        JsonNode options = passkeys.creation(access);

        assertThat(second.has("access_token")).as("no new identity, so no new token").isFalse();
        assertThat(options.get("excludeCredentials").findValuesAsText("id"))
                .containsExactly(phone.credentialId(), laptop.credentialId());
        JsonNode list = passkeys.list(access).json();
        assertThat(list.findValuesAsText("credential_id")).containsExactly(phone.credentialId(), laptop.credentialId());
        assertThat(list.get(0).get("name").asText()).isEqualTo("Passkey");
        assertThat(list.get(0).has("credential_data")).as("never the key").isFalse();

        Http.Reply revoked = passkeys.revoke(access, list.get(0).get("id").asText());

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(passkeys.list(access).json().findValuesAsText("credential_id")).containsExactly(laptop.credentialId());
        Http.Reply refused = passkeys.login(phone.assertion(passkeys.request()));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("error").asText()).isEqualTo("passkey refused: unknown passkey");
        assertThat(passkeys.loggedIn(laptop).get("user_id").asText()).isEqualTo(guest.get("user_id").asText());
        Http.Reply again = passkeys.revoke(access, list.get(0).get("id").asText());
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("error_code").asText()).isEqualTo("PasskeyNotFound");
    }

    @Test
    void theOperatorListsAUsersPasskeysAndRevokesOne() throws Exception {
        JsonNode guest = server.guestLogin();
        String userId = guest.get("user_id").asText();
        SoftAuthenticator phone = PasskeyCalls.authenticator();
        passkeys.registered(guest.get("access_token").asText(), phone);
        passkeys.registered(guest.get("access_token").asText(), PasskeyCalls.authenticator());
        passkeys.loggedIn(phone);

        JsonNode conversions = admin("GET", "/stats").json().get("conversions");
        assertThat(conversions.findValuesAsText("provider")).as("a guest's first passkey is a conversion").containsExactly("passkey");
        assertThat(conversions.get(0).get("linked").asInt()).as("its second is not").isEqualTo(1);

        Http.Reply listed = admin("GET", "/users/" + userId + "/passkeys");

        assertThat(listed.status()).isEqualTo(200);
        JsonNode passkey = listed.json().get("passkeys").get(0);
        assertThat(passkey.get("credential_id").asText()).isEqualTo(phone.credentialId());
        assertThat(passkey.get("last_used_at").asText()).isNotEmpty();
        assertThat(passkey.get("backed_up").asBoolean()).isTrue();

        assertThat(admin("DELETE", "/users/" + userId + "/passkeys/" + passkey.get("id").asText()).status()).isEqualTo(204);

        assertThat(admin("GET", "/users/" + userId + "/passkeys").json().get("passkeys")).hasSize(1);
        assertThat(passkeys.login(phone.assertion(passkeys.request())).status()).isEqualTo(401);
        assertThat(admin("GET", "/users/000000000000000000000001/passkeys").json().get("error_code").asText())
                .isEqualTo("UserNotFound");
        assertThat(admin("DELETE", "/users/" + userId + "/passkeys/000000000000000000000001").json().get("error_code").asText())
                .isEqualTo("PasskeyNotFound");
    }

    @Test
    void deletingTheUserDeletesItsPasskeys() {
        JsonNode guest = server.guestLogin();
        SoftAuthenticator phone = PasskeyCalls.authenticator();
        passkeys.registered(guest.get("access_token").asText(), phone);

        assertThat(server.send("DELETE", server.client("/auth/delete"), guest.get("access_token").asText(), null).status())
                .isEqualTo(204);

        assertThat(server.count("passkey_credentials")).isZero();
        assertThat(passkeys.login(phone.assertion(passkeys.request())).json().get("error").asText())
                .isEqualTo("passkey refused: unknown passkey");
    }
}
