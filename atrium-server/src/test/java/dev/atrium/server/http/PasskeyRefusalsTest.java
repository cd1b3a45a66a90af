package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.core.auth.passkey.PasskeyCredential;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.SoftAuthenticator;
import dev.atrium.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad passkey ceremonies over HTTP (docs/providers/passkey.md, Errors): each gets its documented
 * error and changes nothing. A login answers 401 AuthError "passkey refused: …" and opens no
 * session nor moves the counter; a registration answers 409 LinkRefused, as a link, and stores no
 * passkey nor links anything.
 */
class PasskeyRefusalsTest {
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

    /** A bad answer: {@code body} may do what must happen first (a first use), then makes the answer to send. */
    record Bad(String why, Supplier<JsonNode> body, int status, String code, String error) {}

    /** What a refused request must leave as it was. */
    private record State(long sessions, long identities, long passkeys, long anonymous, List<PasskeyCredential> stored) {}

    private State state(String userId) {
        return new State(server.count("sessions"), server.count("identities"), server.count("passkey_credentials"),
                server.count("users WHERE anonymous"), server.atrium.store().passkeys().list(server.appId(), userId));
    }

    private void assertRefused(Bad x, Http.Reply r) {
        assertThat(r.status()).as(x.why() + ": " + r.body()).isEqualTo(x.status());
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.json().get("error_code").asText()).as(x.why()).isEqualTo(x.code());
        assertThat(r.json().get("error").asText()).as(x.why()).isEqualTo(x.error());
    }

    private static ObjectNode tamperedSignature(ObjectNode body) {
        ObjectNode response = (ObjectNode) body.get("response");
        byte[] signature = Base64.getUrlDecoder().decode(response.get("signature").asText());
        signature[signature.length - 1] ^= 0x01; // a bit of the DER's s value: still DER, no longer the signature
        response.put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
        return body;
    }

    @Test
    void badLoginsAreRefusedWithTheirErrorAndOpenNoSessionNorMoveTheCounter() {
        JsonNode guest = server.guestLogin();
        String userId = guest.get("user_id").asText();
        String access = guest.get("access_token").asText();
        SoftAuthenticator phone = PasskeyCalls.authenticator();
        passkeys.registered(access, phone);
        passkeys.loggedIn(phone.counter(5));
        String refused = "passkey refused: ";

        for (Bad x : List.of(
                new Bad("a replayed challenge", () -> {
                    JsonNode used = phone.assertion(passkeys.request());
                    assertThat(passkeys.login(used).status()).isEqualTo(200);
                    return used;
                }, 401, "AuthError", refused + "unknown, used or expired challenge: ask for new options"),
                new Bad("the wrong origin", () -> phone.origin("http://localhost:6666").assertion(passkeys.request()),
                        401, "AuthError", refused + "the page's origin is not one of the app's allowed_origins"),
                new Bad("the wrong relying party id", () -> phone.origin(PasskeyCalls.ORIGIN).rpId("example.com")
                        .assertion(passkeys.request()), 401, "AuthError", refused + "the passkey is for another relying party id"),
                new Bad("a tampered signature", () -> tamperedSignature(phone.rpId(PasskeyCalls.RP_ID).assertion(passkeys.request())),
                        401, "AuthError", refused + "the signature does not verify"),
                new Bad("a counter that goes backwards", () -> phone.counter(2).assertion(passkeys.request()),
                        401, "AuthError", refused + "the signature counter went backwards: the authenticator may have been cloned"),
                new Bad("a counter that stands still", () -> {
                    long stored = server.atrium.store().passkeys().list(server.appId(), userId).get(0).signCount();
                    return phone.counter(stored).assertion(passkeys.request());
                }, 401, "AuthError", refused + "the signature counter went backwards: the authenticator may have been cloned"),
                new Bad("no user verification", () -> phone.counter(100).userVerified(false).assertion(passkeys.request()),
                        401, "AuthError", refused + "the authenticator did not verify the user"),
                new Bad("a registration's challenge", () -> phone.userVerified(true).assertion(passkeys.creation(access)),
                        401, "AuthError", refused + "unknown, used or expired challenge: ask for new options"),
                new Bad("a passkey nobody registered", () -> PasskeyCalls.authenticator().assertion(passkeys.request()),
                        401, "AuthError", refused + "unknown passkey"),
                new Bad("an expired challenge", () -> {
                    JsonNode options = passkeys.request();
                    server.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
                    return phone.assertion(options);
                }, 401, "AuthError", refused + "unknown, used or expired challenge: ask for new options"),
                new Bad("no response", () -> new ObjectMapper().createObjectNode().put("id", phone.credentialId()),
                        400, "MissingParameter", "missing parameter: response"))) {
            JsonNode body = x.body().get();
            State before = state(userId);

            Http.Reply r = passkeys.login(body);

            assertRefused(x, r);
            assertThat(state(userId)).as(x.why() + " changes nothing").isEqualTo(before);
        }
        assertThat(passkeys.loggedIn(phone.counter(200)).get("user_id").asText()).as("the passkey still works").isEqualTo(userId);
    }

    @Test
    void badRegistrationsAreLinkRefusedAndStoreNoPasskeyNorLinkAnything() {
        JsonNode owner = server.guestLogin();
        SoftAuthenticator phone = PasskeyCalls.authenticator();
        passkeys.registered(owner.get("access_token").asText(), phone);
        JsonNode guest = server.guestLogin();
        String userId = guest.get("user_id").asText();
        String access = guest.get("access_token").asText();
        SoftAuthenticator laptop = PasskeyCalls.authenticator();
        String refused = "link refused: passkey refused: ";

        for (Bad x : List.of(
                new Bad("a passkey that belongs to another user", () -> phone.register(passkeys.creation(access)),
                        409, "LinkRefused", "link refused: this passkey already belongs to another user"),
                new Bad("the wrong origin", () -> laptop.origin("https://localhost.evil.example").register(passkeys.creation(access)),
                        409, "LinkRefused", refused + "the page's origin is not one of the app's allowed_origins"),
                new Bad("the wrong relying party id", () -> laptop.origin(PasskeyCalls.ORIGIN).rpId("example.com")
                        .register(passkeys.creation(access)), 409, "LinkRefused", refused + "the passkey is for another relying party id"),
                new Bad("no user verification", () -> laptop.rpId(PasskeyCalls.RP_ID).userVerified(false)
                        .register(passkeys.creation(access)), 409, "LinkRefused", refused + "the authenticator did not verify the user"),
                new Bad("another user's challenge", () -> laptop.userVerified(true).register(passkeys.creation(
                        owner.get("access_token").asText())), 409, "LinkRefused",
                        refused + "unknown, used or expired challenge: ask for new options"),
                new Bad("a login's challenge", () -> laptop.register(registrationShaped(passkeys.request(), access)),
                        409, "LinkRefused", refused + "unknown, used or expired challenge: ask for new options"),
                new Bad("an expired challenge", () -> {
                    JsonNode options = passkeys.creation(access);
                    server.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
                    return laptop.register(options);
                }, 409, "LinkRefused", refused + "unknown, used or expired challenge: ask for new options"),
                new Bad("no attestation", () -> {
                    ObjectNode body = laptop.register(passkeys.creation(access));
                    ((ObjectNode) body.get("response")).remove("attestationObject");
                    return body;
                }, 409, "LinkRefused", "link refused: missing parameter: response.attestationObject"))) {
            JsonNode body = x.body().get();
            State before = state(userId);

            Http.Reply r = passkeys.register(access, body);

            assertRefused(x, r);
            assertThat(state(userId)).as(x.why() + " changes nothing").isEqualTo(before);
        }
        assertThat(passkeys.registered(access, laptop).get("user_id").asText()).as("a good one still works").isEqualTo(userId);
    }

    /** A login's options with a user handle, as a client mixing up the ceremonies would answer them. */
    private JsonNode registrationShaped(JsonNode loginOptions, String access) {
        ObjectNode options = ((ObjectNode) loginOptions).deepCopy();
        options.set("user", passkeys.creation(access).get("user"));
        return options;
    }

    @Test
    void aReplayedRegistrationIsRefusedAndChangesNothing() {
        JsonNode guest = server.guestLogin();
        String access = guest.get("access_token").asText();
        JsonNode body = PasskeyCalls.authenticator().register(passkeys.creation(access));
        assertThat(passkeys.register(access, body).status()).isEqualTo(201);
        State before = state(guest.get("user_id").asText());

        Http.Reply again = passkeys.register(access, body);

        assertRefused(new Bad("replayed", null, 409, "LinkRefused",
                "link refused: passkey refused: unknown, used or expired challenge: ask for new options"), again);
        assertThat(state(guest.get("user_id").asText())).isEqualTo(before);
    }

    @Test
    void routesRefuseWithoutTokenWhenDisabledAndThroughTheLinkRoute() {
        String access = server.guestLogin().get("access_token").asText();

        Http.Reply noToken = passkeys.registrationOptions(null);
        Http.Reply viaLink = server.send("POST", server.provider(PasskeyCalls.TYPE, "login?link=true"), access, "{}");
        Http.Reply badName = server.send("POST", server.provider(PasskeyCalls.TYPE, "registration/options"), access,
                "{\"user_name\":5}");
        server.enable("passkey", Map.of());
        var config = server.atrium.store().apps().providers(server.appId()).stream()
                .filter(p -> p.type().equals(PasskeyCalls.TYPE)).findFirst().orElseThrow();
        server.atrium.store().apps().saveProvider(new dev.atrium.core.apps.ProviderConfig(config.id(), config.appId(),
                config.type(), false, config.config()));
        Http.Reply disabled = passkeys.loginOptions();

        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.json().get("error_code").asText()).isEqualTo("InvalidSession");
        assertThat(viaLink.status()).isEqualTo(409);
        assertThat(viaLink.json().get("error").asText()).contains("a passkey is linked by registering it");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().get("error_code").asText()).isEqualTo("InvalidParameter");
        assertThat(disabled.status()).isEqualTo(404);
        assertThat(disabled.json().get("error_code").asText()).isEqualTo("AuthProviderNotFound");
        assertThat(server.count("passkey_challenges")).as("only the refusals' challenges, none stored").isZero();
    }
}
