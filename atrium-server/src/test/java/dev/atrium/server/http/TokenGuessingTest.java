package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Confirmation and reset token guesses, and registration floods, from one network (docs/architecture.md,
 * Abuse): 30 at once, then 60 a minute per network and route family; then 429 with Retry-After.
 */
class TokenGuessingTest {
    static final String FROM = "203.0.113.50";

    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.behindProxy(dir);
        server.enable("local-userpass", Map.of());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A route and the body of its i-th guess. */
    record Guess(String route, String family, java.util.function.IntFunction<String> body) {
        @Override
        public String toString() {
            return route;
        }
    }

    static List<Guess> guesses() {
        return List.of(
                new Guess("confirm", "token checks", i -> "{\"token\":\"guess" + i + "\",\"tokenId\":\"65f0c0ffee01234567" + hex(i) + "\"}"),
                new Guess("reset", "token checks",
                        i -> "{\"password\":\"newpass1\",\"token\":\"guess" + i + "\",\"tokenId\":\"65f0c0ffee01234567" + hex(i) + "\"}"),
                new Guess("register", "registrations", i -> "{\"email\":\"u" + i + "@example.com\",\"password\":\"short\"}"));
    }

    private static String hex(int i) {
        return String.format("%06x", i);
    }

    private Http.Reply guess(String from, Guess g, int i) {
        return server.postFrom(from, server.provider("local-userpass", g.route()), g.body().apply(i));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guesses")
    void thirtyGuessesFromOneNetworkThenTheNextIs429WhileAnotherNetworkGoesOn(Guess g) {
        for (int i = 0; i < 30; i++) {
            Http.Reply r = guess(FROM, g, i);
            assertThat(r.status()).as("guess %d: %s", i, r.body()).isEqualTo(400); // a bad token, a too short password
        }

        Http.Reply refused = guess(FROM, g, 30);

        PasswordGuessingTest.assertRefused(refused, 429, "TooManyRequests");
        assertThat(refused.json().get("error").asText()).isEqualTo("too many requests from this network; retry later");
        assertThat(refused.raw().headers().firstValue("Retry-After")).hasValue("1");
        assertThat(guess("203.0.113.51", g, 31).status()).isEqualTo(400);
        server.clock.advance(Duration.ofSeconds(1));
        assertThat(guess(FROM, g, 32).status()).as("one a second comes back").isEqualTo(400);
        assertThat(guess(FROM, g, 33).status()).isEqualTo(429);
    }

    @Test
    void confirmAndResetGuessesShareTheNetworksTokenCheckLimitButNotLogins() {
        Guess confirm = guesses().get(0);
        Guess reset = guesses().get(1);
        for (int i = 0; i < 15; i++) {
            guess(FROM, confirm, i);
            guess(FROM, reset, i);
        }

        assertThat(guess(FROM, confirm, 99).status()).isEqualTo(429);
        assertThat(guess(FROM, reset, 99).status()).isEqualTo(429);
        assertThat(server.postFrom(FROM, server.provider("local-userpass", "login"),
                "{\"username\":\"a@example.com\",\"password\":\"secret1\"}").status()).isEqualTo(401);
    }

    @Test
    void theAppsSettingsChangeTheNumbers() {
        server.throttling(Map.of("network_burst", 5, "network_rate_per_minute", 6));
        Guess confirm = guesses().get(0);
        for (int i = 0; i < 5; i++) {
            assertThat(guess(FROM, confirm, i).status()).isEqualTo(400);
        }

        Http.Reply refused = guess(FROM, confirm, 5);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.raw().headers().firstValue("Retry-After")).hasValue("10");
    }
}
