package dev.atrium.server.providers;

import static dev.atrium.server.testing.ProviderCalls.assertError;
import static dev.atrium.server.testing.ProviderCalls.body;
import static dev.atrium.server.testing.ProviderCalls.userId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.ProviderCalls;
import dev.atrium.server.testing.TestServer;
import dev.atrium.server.testing.idp.IdpStub;
import dev.atrium.server.testing.idp.IdpStub.Mode;
import dev.atrium.server.testing.idp.StubbedServer;
import java.nio.file.Path;
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
 * {@code oauth2-facebook} through a running server against the stub's Graph API: a user access
 * token checked with {@code debug_token} (the app access token {@code app_id|app_secret}) and read
 * with {@code /me} logs in, a guest links it keeping its id, and an invalid token, a token of
 * another app, a misconfigured secret or a failing Graph API is refused, creating nothing.
 */
class FacebookLoginTest {
    static final String TYPE = "oauth2-facebook";
    @TempDir
    static Path dir;
    static StubbedServer f;
    static TestServer server;
    static IdpStub stub;
    static ProviderCalls facebook;
    static final AtomicInteger fresh = new AtomicInteger();

    @BeforeAll
    static void start() {
        f = StubbedServer.start(dir, TYPE);
        server = f.server;
        stub = f.stub;
        facebook = f.calls;
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @AfterEach
    void normal() {
        f.reset();
    }

    static String unique() {
        return "10224" + fresh.incrementAndGet();
    }

    static String login(String userId) {
        return body("accessToken", stub.facebookToken(userId, "Ann Lee", "ann@example.com"));
    }

    @Test
    void anAccessTokenLogsInANewUserThenTheSameUserWithNameAndEmail() {
        String id = unique();

        String first = userId(facebook.login(login(id)));
        Http.Reply again = facebook.login(login(id));

        assertThat(userId(again)).isEqualTo(first);
        JsonNode profile = facebook.profile(again.json().get("access_token").asText());
        assertThat(profile.get("identities").get(0).get("provider_type").asText()).isEqualTo(TYPE);
        assertThat(profile.get("identities").get(0).get("id").asText()).isEqualTo(id);
        assertThat(profile.get("data").get("name").asText()).isEqualTo("Ann Lee");
        assertThat(profile.get("data").get("email").asText()).isEqualTo("ann@example.com");
        assertThat(stub.graphPaths()).contains("/graph/" + IdpStub.GRAPH_VERSION + "/debug_token", "/graph/"
                + IdpStub.GRAPH_VERSION + "/me");
    }

    @Test
    void theConfiguredGraphVersionIsTheOneCalled() {
        Map<String, Object> settings = new HashMap<>(stub.facebookSettings());
        settings.put("graph_version", "v19.0");
        server.enable(TYPE, settings);

        assertThat(facebook.login(login(unique())).status()).isEqualTo(200);
        assertThat(stub.graphPaths().subList(stub.graphPaths().size() - 2, stub.graphPaths().size()))
                .containsExactly("/graph/v19.0/debug_token", "/graph/v19.0/me");
    }

    @Test
    void aUserWhoGrantedNoEmailLogsInWithANameOnly() {
        Http.Reply r = facebook.login(body("accessToken", stub.facebookToken(unique(), "No Mail", null)));

        JsonNode data = facebook.profile(r.json().get("access_token").asText()).get("data");
        assertThat(data.get("name").asText()).isEqualTo("No Mail");
        assertThat(data.has("email")).isFalse();
    }

    @Test
    void aGuestLinksFacebookKeepsItsIdAndRefusalsChangeNothing() {
        JsonNode guest = server.guestLogin();
        String id = unique();

        assertThat(userId(facebook.link(guest.get("access_token").asText(), login(id)))).isEqualTo(guest.get("user_id").asText());
        assertThat(userId(facebook.login(login(id)))).isEqualTo(guest.get("user_id").asText());

        String other = server.guestLogin().get("access_token").asText();
        long identities = server.count("identities");
        assertError(facebook.link(other, login(id)), 409, "LinkRefused",
                "link refused: this oauth2-facebook identity already belongs to another user");
        assertError(facebook.link(other, body("accessToken", "EAAnot-a-token")), 409, "LinkRefused",
                "link refused: Facebook access token refused: not valid");
        assertThat(server.count("identities")).isEqualTo(identities);
    }

    record Refusal(String name, Map<String, Object> settings, Mode mode, Function<IdpStub, String> body, int status, String code,
                   String text) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String GRAPH_FAILED = "Facebook access token not verified: the Graph API could not be used";

    static Refusal graphFails(Mode mode) {
        return new Refusal("Graph API " + mode, Map.of(), mode, s -> login(unique()), 401, "AuthError", GRAPH_FAILED);
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal("unknown token", Map.of(), Mode.NORMAL, s -> body("accessToken", "EAAforged"), 401, "AuthError",
                        "Facebook access token refused: not valid (expired, revoked or not a Facebook token)"),
                new Refusal("token of another Facebook app", Map.of(), Mode.NORMAL,
                        s -> body("accessToken", s.facebookToken(unique(), "Eve", null, "999999")), 401, "AuthError",
                        "Facebook access token refused: issued to another Facebook app"),
                new Refusal("wrong app secret configured", Map.of("app_secret", "not-the-secret"), Mode.NORMAL,
                        s -> login(unique()), 401, "AuthError", GRAPH_FAILED),
                new Refusal("no accessToken", Map.of(), Mode.NORMAL, s -> body("access_token", "x"), 400, "MissingParameter",
                        "missing parameter: accessToken"),
                graphFails(Mode.DOWN), graphFails(Mode.GARBAGE), graphFails(Mode.HUGE), graphFails(Mode.ERROR),
                graphFails(Mode.REDIRECT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void badTokensAndAFailingGraphApiAreRefusedAndCreateNothing(Refusal row) {
        Map<String, Object> settings = new HashMap<>(stub.facebookSettings());
        settings.putAll(row.settings);
        server.enable(TYPE, settings);
        String body = row.body.apply(stub);
        stub.mode(row.mode);
        long users = server.count("users");

        assertError(facebook.login(body), row.status, row.code, row.text);
        assertThat(server.count("users")).isEqualTo(users);
    }
}
