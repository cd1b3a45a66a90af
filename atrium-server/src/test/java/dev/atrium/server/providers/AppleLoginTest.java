package dev.atrium.server.providers;

import static dev.atrium.server.testing.ProviderCalls.assertError;
import static dev.atrium.server.testing.ProviderCalls.body;
import static dev.atrium.server.testing.ProviderCalls.userId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.ProviderCalls;
import dev.atrium.server.testing.TestServer;
import dev.atrium.server.testing.idp.IdpStub;
import dev.atrium.server.testing.idp.IdpStub.Mode;
import dev.atrium.server.testing.idp.StubbedServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code oauth2-apple} through a running server against the identity-provider stub: an ID token
 * logs in (a new user, then the same one), a guest links it keeping its id, and every bad token,
 * bad nonce or failing Apple is refused with its documented error, creating nothing.
 */
class AppleLoginTest {
    static final String TYPE = "oauth2-apple";
    @TempDir
    static Path dir;
    static StubbedServer f;
    static TestServer server;
    static IdpStub stub;
    static ProviderCalls apple;
    static final AtomicInteger fresh = new AtomicInteger();

    @BeforeAll
    static void start() {
        f = StubbedServer.start(dir, TYPE);
        server = f.server;
        stub = f.stub;
        apple = f.calls;
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @AfterEach
    void normal() {
        f.reset();
    }

    static JWTClaimsSet.Builder claims(String sub) {
        return stub.apple.claims(sub).claim("email", "ann@privaterelay.appleid.com").claim("email_verified", "true")
                .claim("is_private_email", true);
    }

    static String token(JWTClaimsSet.Builder claims) {
        return stub.apple.sign(claims.build());
    }

    static String unique() {
        return "001234." + fresh.incrementAndGet() + ".apple";
    }

    @Test
    void idTokenLogsInANewUserThenTheSameUserWithAppleProfileData() {
        String sub = unique();

        String first = userId(apple.login(body("id_token", token(claims(sub)))));
        Http.Reply again = apple.login(body("id_token", token(claims(sub))));

        assertThat(userId(again)).isEqualTo(first);
        JsonNode profile = apple.profile(again.json().get("access_token").asText());
        assertThat(profile.get("identities").get(0).get("provider_type").asText()).isEqualTo(TYPE);
        assertThat(profile.get("identities").get(0).get("id").asText()).isEqualTo(sub);
        assertThat(profile.get("data").get("email").asText()).isEqualTo("ann@privaterelay.appleid.com");
        assertThat(profile.get("data").get("email_verified").asBoolean()).as("Apple's string \"true\" read as true").isTrue();
        assertThat(profile.get("data").get("email_verified").isBoolean()).isTrue();
        assertThat(profile.get("data").get("is_private_email").asBoolean()).isTrue();
    }

    @Test
    void aTokenForAnotherConfiguredClientIdIsAcceptedToo() {
        assertThat(apple.login(body("id_token", token(claims(unique()).audience("dev.atrium.stub.web")))).status()).isEqualTo(200);
    }

    @Test
    void expiryWithinTheSkewIsAcceptedBeyondItRefused() {
        Instant now = server.clock.instant();
        String within = token(claims(unique()).expirationTime(Date.from(now.minusSeconds(50))));
        String beyond = token(claims(unique()).expirationTime(Date.from(now.minusSeconds(61))));

        assertThat(apple.login(body("id_token", within)).status()).isEqualTo(200);
        assertError(apple.login(body("id_token", beyond)), 401, "AuthError", "Apple ID token refused: expired");
    }

    @Test
    void aNonceIsMatchedRawOrAsItsSha256AndATokenWithANonceLogsInOnce() throws Exception {
        String raw = "nonce-" + unique();
        String hashed = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
        String hashedToken = token(claims(unique()).claim("nonce", hashed));
        String rawToken = token(claims(unique()).claim("nonce", raw + "-2"));

        assertThat(apple.login(body("id_token", hashedToken, "nonce", raw)).status()).as("SHA-256 of the raw nonce").isEqualTo(200);
        assertThat(apple.login(body("id_token", rawToken, "nonce", raw + "-2")).status()).as("the raw nonce").isEqualTo(200);
        long users = server.count("users");
        assertError(apple.login(body("id_token", hashedToken, "nonce", raw)), 401, "AuthError",
                "Apple ID token refused: already used (its nonce was seen before)");
        assertError(apple.login(body("id_token", rawToken)), 401, "AuthError", "already used");
        assertThat(server.count("users")).isEqualTo(users);
    }

    @Test
    void aGuestLinksAppleKeepsItsIdAndLaterAppleLoginsReturnIt() {
        JsonNode guest = server.guestLogin();
        String sub = unique();

        Http.Reply linked = apple.link(guest.get("access_token").asText(), body("id_token", token(claims(sub))));

        assertThat(userId(linked)).isEqualTo(guest.get("user_id").asText());
        JsonNode profile = apple.profile(linked.json().get("access_token").asText());
        assertThat(profile.get("identities")).extracting(i -> i.get("provider_type").asText()).containsExactly("anon-user", TYPE);
        assertThat(userId(apple.login(body("id_token", token(claims(sub)))))).isEqualTo(guest.get("user_id").asText());
    }

    @Test
    void linkRefusalsAre409LinkRefusedAndChangeNothing() {
        String owner = unique();
        userId(apple.login(body("id_token", token(claims(owner)))));
        JsonNode guest = server.guestLogin();
        String access = guest.get("access_token").asText();
        long identities = server.count("identities");

        assertError(apple.link(access, body("id_token", token(claims(owner)))), 409, "LinkRefused",
                "link refused: this oauth2-apple identity already belongs to another user");
        assertError(apple.link(access, body("id_token", stub.apple.forge(claims(unique()).build()))), 409, "LinkRefused",
                "link refused: Apple ID token refused: bad signature");
        assertError(apple.link(access, body("id_token", token(claims(unique()).audience("other")))), 409, "LinkRefused",
                "link refused: Apple ID token refused: wrong audience");
        userId(apple.link(access, body("id_token", token(claims(unique())))));
        assertError(apple.link(access, body("id_token", token(claims(unique())))), 409, "LinkRefused",
                "link refused: the user already has a oauth2-apple identity");
        // the Apple identity, and the guest's anon-user one, implied until this first link (docs/stores.md, "Guests' identity")
        assertThat(server.count("identities")).isEqualTo(identities + 2);
    }

    /** One refused login: the stub's mode, the body, what must come back. */
    record Refusal(String name, Mode mode, Function<IdpStub, String> body, int status, String code, String text) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Refusal refused(String name, Function<IdpStub, String> body, String text) {
        return new Refusal(name, Mode.NORMAL, body, 401, "AuthError", text);
    }

    static Refusal idpFails(Mode mode) {
        return new Refusal("Apple's JWKS " + mode, mode, s -> body("id_token", token(claims(unique()))), 401, "AuthError",
                "Apple ID token not verified: Apple's key set could not be fetched");
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                refused("bad signature", s -> body("id_token", s.apple.forge(claims(unique()).build())),
                        "Apple ID token refused: bad signature"),
                refused("Google's key", s -> body("id_token", s.google.sign(claims(unique()).build())),
                        "Apple ID token refused: bad signature"),
                refused("wrong audience", s -> body("id_token", token(claims(unique()).audience("com.evil.app"))),
                        "Apple ID token refused: wrong audience"),
                refused("wrong issuer", s -> body("id_token", token(claims(unique()).issuer("https://accounts.google.com"))),
                        "Apple ID token refused: wrong issuer"),
                refused("expired", s -> body("id_token", token(claims(unique())
                        .expirationTime(Date.from(server.clock.instant().minusSeconds(3600))))), "Apple ID token refused: expired"),
                refused("issued in the future", s -> body("id_token", token(claims(unique())
                        .issueTime(Date.from(server.clock.instant().plusSeconds(120))))), "Apple ID token refused: issued in the future"),
                refused("no sub", s -> body("id_token", token(claims("x").subject(null))), "Apple ID token refused: no usable sub"),
                refused("not a JWT", s -> body("id_token", "not-a-token"), "Apple ID token refused: not a signed JWT"),
                refused("nonce differs", s -> body("id_token", token(claims(unique()).claim("nonce", "abc")), "nonce", "xyz"),
                        "Apple ID token refused: nonce does not match"),
                refused("nonce sent, token has none", s -> body("id_token", token(claims(unique())), "nonce", "xyz"),
                        "Apple ID token refused: nonce does not match"),
                new Refusal("no id_token", Mode.NORMAL, s -> body("token", "x"), 400, "MissingParameter", "missing parameter: id_token"),
                idpFails(Mode.DOWN), idpFails(Mode.GARBAGE), idpFails(Mode.HUGE), idpFails(Mode.ERROR), idpFails(Mode.REDIRECT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void badTokensAndFailingAppleAreRefusedAndCreateNothing(Refusal row) {
        if (row.mode != Mode.NORMAL) { // a JWKS URL not fetched before: nothing cached
            Map<String, Object> settings = new HashMap<>(stub.appleSettings());
            settings.put("jwks_url", stub.baseUrl() + "/apple/auth/keys?fresh=" + fresh.incrementAndGet());
            server.enable(TYPE, settings);
        }
        String body = row.body.apply(stub);
        stub.mode(row.mode);
        long users = server.count("users");

        assertError(apple.login(body), row.status, row.code, row.text);
        assertThat(server.count("users")).isEqualTo(users);
    }

    @Test
    void aDisabledProviderAnswersAuthProviderNotFound() {
        var apps = server.atrium.store().apps();
        var p = apps.providers(server.appId()).stream().filter(c -> c.type().equals(TYPE)).findFirst().orElseThrow();
        apps.saveProvider(p.withEnabled(false));

        assertError(apple.login(body("id_token", token(claims(unique())))), 404, "AuthProviderNotFound", "");
    }

    @Test
    void aStoredConfigThatNoLongerParsesIsAMisconfiguredProvider() {
        server.enable(TYPE, Map.of("jwks_url", stub.baseUrl() + "/apple/auth/keys"));

        assertError(apple.login(body("id_token", token(claims(unique())))), 401, "AuthError", "oauth2-apple provider is misconfigured");
    }
}
