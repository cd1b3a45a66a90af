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
import java.nio.file.Path;
import java.util.Date;
import java.util.HashMap;
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
 * {@code oauth2-google} through a running server against the identity-provider stub: an ID token
 * or an auth code (exchanged at the stub's token endpoint with the app's client id and secret)
 * logs in, both to the same user for the same {@code sub}; a guest links it keeping its id; every
 * bad token or code and every failing Google endpoint is refused with its documented error,
 * creating nothing.
 */
class GoogleLoginTest {
    static final String TYPE = "oauth2-google";
    @TempDir
    static Path dir;
    static StubbedServer f;
    static TestServer server;
    static IdpStub stub;
    static ProviderCalls google;
    static final AtomicInteger fresh = new AtomicInteger();

    @BeforeAll
    static void start() {
        f = StubbedServer.start(dir, TYPE);
        server = f.server;
        stub = f.stub;
        google = f.calls;
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @AfterEach
    void normal() {
        f.reset();
    }

    /** The stub's settings with {@code changes} (a null value removes the key), JWKS never fetched before. */
    static void configure(Map<String, Object> changes) {
        Map<String, Object> settings = new HashMap<>(stub.googleSettings());
        settings.put("jwks_url", stub.baseUrl() + "/google/oauth2/v3/certs?fresh=" + fresh.incrementAndGet());
        settings.putAll(changes);
        settings.values().removeIf(v -> v == null);
        server.enable(TYPE, settings);
    }

    static JWTClaimsSet.Builder claims(String sub) {
        return stub.google.claims(sub).claim("email", "ann@gmail.com").claim("email_verified", true).claim("name", "Ann")
                .claim("picture", "https://lh3.googleusercontent.com/a/ann");
    }

    static String token(JWTClaimsSet.Builder claims) {
        return stub.google.sign(claims.build());
    }

    static String code(JWTClaimsSet.Builder claims) {
        return stub.googleCode(claims.build());
    }

    static String unique() {
        return "10769150350006150715113" + fresh.incrementAndGet();
    }

    @Test
    void idTokenLogsInANewUserThenTheSameUserWithGoogleProfileData() {
        configure(Map.of());
        String sub = unique();

        String first = userId(google.login(body("id_token", token(claims(sub)))));
        Http.Reply again = google.login(body("id_token", token(claims(sub))));

        assertThat(userId(again)).isEqualTo(first);
        JsonNode profile = google.profile(again.json().get("access_token").asText());
        assertThat(profile.get("identities").get(0).get("provider_type").asText()).isEqualTo(TYPE);
        assertThat(profile.get("identities").get(0).get("id").asText()).isEqualTo(sub);
        JsonNode data = profile.get("data");
        assertThat(data.get("email").asText()).isEqualTo("ann@gmail.com");
        assertThat(data.get("email_verified").asBoolean()).isTrue();
        assertThat(data.get("name").asText()).isEqualTo("Ann");
        assertThat(data.get("picture").asText()).isEqualTo("https://lh3.googleusercontent.com/a/ann");
    }

    @Test
    void eitherIssuerFormAndAnyConfiguredClientIdAreAccepted() {
        configure(Map.of());

        assertThat(google.login(body("id_token", token(claims(unique()).issuer("accounts.google.com")))).status()).isEqualTo(200);
        assertThat(google.login(body("id_token", token(claims(unique()).audience("5678-android.apps.googleusercontent.com"))))
                .status()).isEqualTo(200);
    }

    @Test
    void anAuthCodeIsExchangedWithTheClientIdAndSecretAndLogsInTheSameUserAsItsIdToken() {
        configure(Map.of());
        String sub = unique();
        String byToken = userId(google.login(body("id_token", token(claims(sub)))));

        String byCode = userId(google.login(body("authCode", code(claims(sub)))));

        assertThat(byCode).isEqualTo(byToken);
        Map<String, String> form = stub.googleExchanges().getLast();
        assertThat(form).containsEntry("grant_type", "authorization_code").containsEntry("client_id", IdpStub.GOOGLE_CLIENT_ID)
                .containsEntry("client_secret", IdpStub.GOOGLE_CLIENT_SECRET).containsEntry("redirect_uri", "postmessage");
    }

    @Test
    void anEmptyRedirectUriSendsNone() {
        configure(Map.of("redirect_uri", ""));

        assertThat(google.login(body("authCode", code(claims(unique())))).status()).isEqualTo(200);
        assertThat(stub.googleExchanges().getLast()).doesNotContainKey("redirect_uri");
    }

    @Test
    void aGuestLinksGoogleByAuthCodeKeepsItsIdAndLaterIdTokenLoginsReturnIt() {
        configure(Map.of());
        JsonNode guest = server.guestLogin();
        String sub = unique();

        Http.Reply linked = google.link(guest.get("access_token").asText(), body("authCode", code(claims(sub))));

        assertThat(userId(linked)).isEqualTo(guest.get("user_id").asText());
        assertThat(userId(google.login(body("id_token", token(claims(sub)))))).isEqualTo(guest.get("user_id").asText());
        JsonNode other = server.guestLogin();
        long identities = server.count("identities");
        assertError(google.link(other.get("access_token").asText(), body("id_token", token(claims(sub)))), 409, "LinkRefused",
                "link refused: this oauth2-google identity already belongs to another user");
        assertError(google.link(other.get("access_token").asText(), body("authCode", "4/unknown")), 409, "LinkRefused",
                "link refused: Google auth code refused");
        assertThat(server.count("identities")).isEqualTo(identities);
    }

    /** One refused login: settings changes, the stub's mode, the body, what must come back. */
    record Refusal(String name, Map<String, Object> settings, Mode mode, Function<IdpStub, String> body, int status, String code,
                   String text) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Refusal refused(String name, Function<IdpStub, String> body, String text) {
        return new Refusal(name, Map.of(), Mode.NORMAL, body, 401, "AuthError", text);
    }

    static final String NOT_EXCHANGED = "Google auth code not exchanged: Google's token endpoint could not be used";
    static final String KEYS = "Google ID token not verified: Google's key set could not be fetched";

    static Stream<Refusal> refusals() {
        Map<String, Object> noSecret = new HashMap<>();
        noSecret.put("client_secret", null);
        return Stream.of(
                refused("bad signature", s -> body("id_token", s.google.forge(claims(unique()).build())),
                        "Google ID token refused: bad signature"),
                refused("Apple's key", s -> body("id_token", s.apple.sign(claims(unique()).build())), "Google ID token refused: bad signature"),
                refused("wrong audience", s -> body("id_token", token(claims(unique()).audience("9999-other.apps.googleusercontent.com"))),
                        "Google ID token refused: wrong audience"),
                refused("wrong issuer", s -> body("id_token", token(claims(unique()).issuer("https://appleid.apple.com"))),
                        "Google ID token refused: wrong issuer"),
                refused("expired", s -> body("id_token", token(claims(unique())
                        .expirationTime(Date.from(server.clock.instant().minusSeconds(3600))))), "Google ID token refused: expired"),
                refused("nonce differs", s -> body("id_token", token(claims(unique()).claim("nonce", "n-1")), "nonce", "n-2"),
                        "Google ID token refused: nonce does not match"),
                refused("unknown auth code", s -> body("authCode", "4/0AbCdEf"), "Google auth code refused: invalid, expired"),
                refused("auth code whose ID token is for another client",
                        s -> body("authCode", code(claims(unique()).audience("9999-other.apps.googleusercontent.com"))),
                        "Google ID token refused: wrong audience"),
                new Refusal("wrong client secret configured", Map.of("client_secret", "not-the-secret"), Mode.NORMAL,
                        s -> body("authCode", code(claims(unique()))), 401, "AuthError", NOT_EXCHANGED),
                new Refusal("no client secret configured", noSecret, Mode.NORMAL, s -> body("authCode", code(claims(unique()))), 401,
                        "AuthError", "oauth2-google provider is not set up for auth codes (no client_secret)"),
                new Refusal("both id_token and authCode", Map.of(), Mode.NORMAL, s -> body("id_token", "a.b.c", "authCode", "4/x"),
                        400, "InvalidParameter", "send either id_token or authCode, not both"),
                new Refusal("neither", Map.of(), Mode.NORMAL, s -> body("idToken", "a.b.c"), 400, "MissingParameter",
                        "missing parameter: id_token or authCode"),
                idpFails(Mode.DOWN, "id_token", KEYS), idpFails(Mode.GARBAGE, "id_token", KEYS),
                idpFails(Mode.HUGE, "id_token", KEYS), idpFails(Mode.ERROR, "id_token", KEYS),
                idpFails(Mode.DOWN, "authCode", NOT_EXCHANGED), idpFails(Mode.GARBAGE, "authCode", NOT_EXCHANGED),
                idpFails(Mode.HUGE, "authCode", NOT_EXCHANGED), idpFails(Mode.ERROR, "authCode", NOT_EXCHANGED),
                idpFails(Mode.REDIRECT, "authCode", NOT_EXCHANGED));
    }

    static Refusal idpFails(Mode mode, String field, String text) {
        return new Refusal("Google " + mode + " for " + field, Map.of(), mode,
                s -> body(field, field.equals("authCode") ? code(claims(unique())) : token(claims(unique()))), 401, "AuthError", text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void badCredentialsAndFailingGoogleAreRefusedAndCreateNothing(Refusal row) {
        configure(row.settings);
        String body = row.body.apply(stub);
        stub.mode(row.mode);
        long users = server.count("users");

        assertError(google.login(body), row.status, row.code, row.text);
        assertThat(server.count("users")).isEqualTo(users);
    }

    @Test
    void aReplayedIdTokenWithANonceIsRefused() {
        configure(Map.of());
        String t = token(claims(unique()).claim("nonce", "once-" + unique()));

        assertThat(google.login(body("id_token", t)).status()).isEqualTo(200);
        assertError(google.login(body("id_token", t)), 401, "AuthError", "Google ID token refused: already used");
    }
}
