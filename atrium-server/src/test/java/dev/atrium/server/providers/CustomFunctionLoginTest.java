package dev.atrium.server.providers;

import static dev.atrium.server.testing.ProviderCalls.assertError;
import static dev.atrium.server.testing.ProviderCalls.body;
import static dev.atrium.server.testing.ProviderCalls.userId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.server.config.AtriumConfig.OutboundPolicy;
import dev.atrium.server.outbound.Destinations;
import dev.atrium.server.testing.HostileReceiver;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.ProviderCalls;
import dev.atrium.server.testing.TestServer;
import dev.atrium.server.testing.idp.IdpStub;
import dev.atrium.server.testing.idp.IdpStub.Mode;
import dev.atrium.server.testing.idp.StubbedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code custom-function} through a running server against the stub's function: the payload
 * (without the SDK's {@code options}) is POSTed signed, the answer's {@code id} is the identity;
 * a guest links it keeping its id; a refusal, an answer without a usable id, garbage, or a function
 * that is down, too big, too slow or on a refused address is a 401 AuthError and creates nothing.
 */
class CustomFunctionLoginTest {
    static final String TYPE = "custom-function";
    static final String REFUSED = "custom-function login refused: the app's function did not accept the payload";
    static final String NO_ID = "custom-function login refused: the app's function answered no usable id";
    static final String GARBAGE = "custom-function login failed: the app's function did not answer {\"id\", \"name\", \"data\"}";
    static final String UNREACHABLE = "custom-function login failed: the app's function could not be reached";
    @TempDir
    static Path dir;
    static StubbedServer f;
    static TestServer server;
    static IdpStub stub;
    static ProviderCalls function;
    static final AtomicInteger fresh = new AtomicInteger();

    @BeforeAll
    static void start() {
        f = StubbedServer.start(dir, TYPE, c -> c.withOutbound(new OutboundPolicy(Duration.ofSeconds(2), Destinations.ANY)));
        server = f.server;
        stub = f.stub;
        function = f.calls;
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
        return "ann" + fresh.incrementAndGet();
    }

    @Test
    void thePayloadLogsInTheUserTheFunctionNamesThenTheSameUser() {
        String u = unique();
        String payload = "{\"username\":\"" + u + "\",\"pin\":1234,\"options\":{\"device\":{\"platform\":\"node\"}}}";

        String first = userId(function.login(payload));
        Http.Reply again = function.login(body("username", u));

        assertThat(userId(again)).isEqualTo(first);
        JsonNode profile = function.profile(again.json().get("access_token").asText());
        assertThat(profile.get("identities").get(0).get("provider_type").asText()).isEqualTo(TYPE);
        assertThat(profile.get("identities").get(0).get("id").asText()).isEqualTo("user-" + u);
        assertThat(profile.get("data").get("name").asText()).isEqualTo(u);
        assertThat(profile.get("data").get("source").asText()).isEqualTo("stub");
    }

    @Test
    void theFunctionGetsThePayloadWithoutOptionsSignedAndNamingTheApp() {
        String u = unique();

        userId(function.login("{\"username\":\"" + u + "\",\"nested\":{\"a\":[1,2]},\"options\":{\"device\":{}}}"));

        JsonNode sent = stub.functionBodies().getLast();
        assertThat(sent.toString()).isEqualTo("{\"username\":\"" + u + "\",\"nested\":{\"a\":[1,2]}}");
        String[] headers = stub.functionHeaders().getLast();
        assertThat(headers[0]).isEqualTo(server.appId());
        assertThat(headers[1]).matches("v1,[A-Za-z0-9+/]{43}="); // and the stub checked it: a bad one answers 401
    }

    @Test
    void aGuestLinksAFunctionIdentityKeepsItsIdAndRefusalsChangeNothing() {
        JsonNode guest = server.guestLogin();
        String u = unique();

        assertThat(userId(function.link(guest.get("access_token").asText(), body("username", u))))
                .isEqualTo(guest.get("user_id").asText());
        assertThat(userId(function.login(body("username", u)))).isEqualTo(guest.get("user_id").asText());

        String other = server.guestLogin().get("access_token").asText();
        long identities = server.count("identities");
        assertError(function.link(other, body("username", u)), 409, "LinkRefused",
                "link refused: this custom-function identity already belongs to another user");
        assertError(function.link(other, body("refuse", true)), 409, "LinkRefused", "link refused: " + REFUSED);
        assertThat(server.count("identities")).isEqualTo(identities);
    }

    record Refusal(String name, Map<String, Object> settings, Mode mode, String body, String text) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Refusal answered(String name, String answer, String text) {
        return new Refusal(name, Map.of(), Mode.NORMAL, "{\"answer\":" + answer + "}", text);
    }

    static Refusal failing(Mode mode, String text) {
        return new Refusal("function " + mode, Map.of(), mode, body("username", "x"), text);
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal("the function refuses (403)", Map.of(), Mode.NORMAL, body("refuse", true), REFUSED),
                new Refusal("wrong function_secret (the function answers 401)", Map.of("function_secret", "not-it"), Mode.NORMAL,
                        body("username", "x"), REFUSED),
                answered("no id", "{\"name\":\"x\"}", NO_ID),
                answered("empty id", "{\"id\":\"\"}", NO_ID),
                answered("id not a string", "{\"id\":42}", NO_ID),
                answered("id of 256 characters", "{\"id\":\"" + "x".repeat(256) + "\"}", NO_ID),
                answered("id with a control character", "{\"id\":\"a\\nb\"}", NO_ID),
                answered("data not an object", "{\"id\":\"a\",\"data\":[1]}", GARBAGE),
                answered("name not a string", "{\"id\":\"a\",\"name\":{}}", GARBAGE),
                answered("a JSON array", "[\"a\"]", GARBAGE),
                answered("JSON null", "null", GARBAGE),
                failing(Mode.GARBAGE, GARBAGE), failing(Mode.ERROR, REFUSED), failing(Mode.REDIRECT, REFUSED),
                failing(Mode.DOWN, UNREACHABLE), failing(Mode.HUGE, UNREACHABLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusalsGarbageAndFailuresAreAuthErrorsAndCreateNothing(Refusal row) {
        Map<String, Object> settings = new HashMap<>(stub.functionSettings());
        settings.putAll(row.settings);
        server.enable(TYPE, settings);
        stub.mode(row.mode);
        long users = server.count("users");

        assertError(function.login(row.body), 401, "AuthError", row.text);
        assertThat(server.count("users")).isEqualTo(users);
    }

    @Test
    void aFunctionThatDripsItsAnswerIsCutAtTheDeadline() {
        try (HostileReceiver slow = HostileReceiver.start(HostileReceiver.drip(Duration.ofMillis(500)))) {
            server.enable(TYPE, Map.of("function_url", slow.url("/function"), "function_secret", "s"));
            long users = server.count("users");
            long started = System.nanoTime();

            assertError(function.login(body("username", "x")), 401, "AuthError", UNREACHABLE);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(server.count("users")).isEqualTo(users);
        }
    }

    @Test
    void aFunctionOnALoopbackAddressIsRefusedWhenPrivateDestinationsAreNot(@TempDir Path other) {
        try (TestServer strict = TestServer.sqlite(other,
                c -> c.withOutbound(new OutboundPolicy(Duration.ofSeconds(2), Destinations.PUBLIC_ONLY)))) {
            strict.enable(TYPE, stub.functionSettings());
            int before = stub.functionBodies().size();

            assertError(new ProviderCalls(strict, TYPE).login(body("username", "x")), 401, "AuthError", UNREACHABLE);
            assertThat(stub.functionBodies()).hasSize(before);
            assertThat(strict.count("users")).isZero();
        }
    }
}
