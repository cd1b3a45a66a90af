package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.server.config.AtriumConfig;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flood of password logins (each an Argon2id computation) against the hashing cap: hashing runs
 * on threads of its own, a few at once, so the virtual threads that serve {@code /health/live} and
 * guest logins keep their carriers; a login that cannot get a hashing thread within the queue
 * timeout is refused with 503 ServerBusy and Retry-After, and nothing else.
 */
class HashingCapacityTest {
    static final String ANN = "ann@example.com";

    @TempDir
    Path dir;

    /** 100 password logins at once, mostly wrong, each from a network and for an address of its own. */
    private static List<Future<Http.Reply>> flood(TestServer server, ExecutorService clients) {
        List<Future<Http.Reply>> logins = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String who = i % 10 == 0 ? ANN : "user" + i + "@example.com";
            String password = i % 10 == 0 ? "secret1" : "guess-" + i;
            int n = i;
            logins.add(clients.submit(() -> server.postFrom(PasswordGuessingTest.network(n), server.provider("local-userpass", "login"),
                    "{\"username\":\"" + who + "\",\"password\":\"" + password + "\"}")));
        }
        return logins;
    }

    private static void register(TestServer server) {
        server.enable("local-userpass", Map.of());
        assertThat(server.send("POST", server.provider("local-userpass", "register"), null,
                "{\"email\":\"" + ANN + "\",\"password\":\"secret1\"}").status()).isEqualTo(201);
    }

    @Test
    void aHundredParallelPasswordLoginsLeaveLivenessAndGuestLoginsAnswering() throws Exception {
        try (TestServer server = TestServer.behindProxy(dir, AtriumConfig.PasswordHashing.DEFAULTS);
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            register(server);
            List<Future<Http.Reply>> logins = flood(server, clients);

            List<Http.Reply> live = new ArrayList<>();
            List<Http.Reply> guests = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                live.add(Http.send("GET", server.baseUrl() + "/health/live", null, null));
                guests.add(server.send("POST", server.provider("anon-user", "login"), null, "{}"));
            }

            assertThat(live).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
            assertThat(guests).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
            for (Future<Http.Reply> f : logins) {
                Http.Reply r = f.get();
                assertThat(r.status()).as(r.body()).isIn(200, 401, 503);
            }
        }
    }

    @Test
    void whenNoHashingThreadIsFreeWithinTheQueueTimeoutThenServerBusyWithRetryAfter() throws Exception {
        AtriumConfig.PasswordHashing oneAtOnceNoWait = new AtriumConfig.PasswordHashing(8192, 1, 1, 1, Duration.ZERO);
        try (TestServer server = TestServer.behindProxy(dir, oneAtOnceNoWait);
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            register(server);

            List<Http.Reply> replies = new ArrayList<>();
            for (Future<Http.Reply> f : flood(server, clients)) {
                replies.add(f.get());
            }

            List<Http.Reply> busy = replies.stream().filter(r -> r.status() == 503).toList();
            assertThat(busy).isNotEmpty();
            assertThat(busy).allSatisfy(r -> {
                PasswordGuessingTest.assertRefused(r, 503, "ServerBusy");
                assertThat(r.raw().headers().firstValue("Retry-After")).hasValue("1");
            });
            assertThat(replies).allSatisfy(r -> assertThat(r.status()).isIn(200, 401, 503));
            assertThat(guestLogin(server).status()).isEqualTo(200);
        }
    }

    private static Http.Reply guestLogin(TestServer server) {
        return server.send("POST", server.provider("anon-user", "login"), null, "{}");
    }
}
