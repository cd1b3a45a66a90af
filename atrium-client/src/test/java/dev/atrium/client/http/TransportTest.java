package dev.atrium.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.client.testing.ScriptedServer;
import dev.atrium.client.testing.ScriptedServer.Answer;
import dev.atrium.client.testing.TestPorts;
import dev.atrium.client.testing.TransportKind;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both transports move the same bytes: what the SDK's requests and the server's answers need. */
class TransportTest {
    final ScriptedServer server = new ScriptedServer();

    @AfterEach
    void close() {
        server.close();
    }

    private HttpTransport.Request request(String method, String path, byte[] body, Duration timeout) {
        return new HttpTransport.Request(method, URI.create(server.url() + path),
                Map.of("Authorization", "Bearer t0k3n", "Accept", "application/json"), body, timeout);
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void sendsMethodHeadersAndBodyAndReadsStatusHeadersAndBody(TransportKind kind) throws IOException {
        server.onRequest("PUT", "/x", r -> new Answer(201, "application/json", "{\"got\":\"" + new String(r.body(),
                StandardCharsets.UTF_8).length() + "\"}", Map.of("X-Thing", "1")));

        try (HttpTransport transport = kind.create()) {
            HttpTransport.Response response = transport.send(request("PUT", "/x", "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                    Duration.ofSeconds(5)));

            assertThat(response.status()).isEqualTo(201);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"got\":\"7\"}");
            assertThat(response.header("x-thing")).contains("1");
            assertThat(response.header("CONTENT-TYPE")).contains("application/json");
        }
        ScriptedServer.Received sent = server.requests().get(0);
        assertThat(sent.header("Authorization")).isEqualTo("Bearer t0k3n");
        assertThat(sent.header("Accept")).isEqualTo("application/json");
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void postWithoutBodySendsAnEmptyOneAndDeleteNone(TransportKind kind) throws IOException {
        server.on("POST", "/session", new Answer(201, null, null, Map.of()));
        server.on("DELETE", "/session", new Answer(204, null, null, Map.of()));

        try (HttpTransport transport = kind.create()) {
            assertThat(transport.send(request("POST", "/session", null, Duration.ofSeconds(5))).body()).isEmpty();
            assertThat(transport.send(request("DELETE", "/session", null, Duration.ofSeconds(5))).status()).isEqualTo(204);
        }
        assertThat(server.requests().get(0).body()).isEmpty();
        assertThat(server.requests().get(0).header("Content-Length")).isEqualTo("0");
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void errorAnswersAreReturnedWithTheirBodyAndRedirectsAreNotFollowed(TransportKind kind) throws IOException {
        server.on("GET", "/limited", new Answer(429, "application/json", "{\"error_code\":\"TooManyRequests\"}",
                Map.of("Retry-After", "7")));
        server.on("GET", "/moved", new Answer(302, null, null, Map.of("Location", server.url() + "/limited")));

        try (HttpTransport transport = kind.create()) {
            HttpTransport.Response limited = transport.send(request("GET", "/limited", null, Duration.ofSeconds(5)));
            HttpTransport.Response moved = transport.send(request("GET", "/moved", null, Duration.ofSeconds(5)));

            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.header("Retry-After")).contains("7");
            assertThat(new String(limited.body(), StandardCharsets.UTF_8)).contains("TooManyRequests");
            assertThat(moved.status()).isEqualTo(302);
        }
        assertThat(server.received()).containsExactly("GET /limited", "GET /moved");
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void unauthorizedAnswerToAPostKeepsItsBody(TransportKind kind) throws IOException {
        server.on("POST", "/login", new Answer(401, "application/json", "{\"error_code\":\"InvalidPassword\"}", Map.of()));

        try (HttpTransport transport = kind.create()) {
            HttpTransport.Response refused = transport.send(request("POST", "/login", "{}".getBytes(StandardCharsets.UTF_8),
                    Duration.ofSeconds(5)));

            assertThat(refused.status()).isEqualTo(401);
            assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("InvalidPassword");
        }
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void refusedConnectionAndAnAnswerLaterThanTheTimeoutAreIOExceptions(TransportKind kind) throws IOException {
        int closedPort = TestPorts.unused();
        server.on("GET", "/slow", () -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.json(200, "{}");
        });

        try (HttpTransport transport = kind.create()) {
            assertThatThrownBy(() -> transport.send(new HttpTransport.Request("GET", URI.create("http://127.0.0.1:" + closedPort + "/x"),
                    Map.of(), null, Duration.ofSeconds(5)))).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> transport.send(request("GET", "/slow", null, Duration.ofMillis(300))))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void requestsNeverShowTheirHeadersWhichCarryTokens() {
        assertThat(request("GET", "/x", null, Duration.ofSeconds(1)).toString()).doesNotContain("t0k3n");
    }

    @Test
    void platformDefaultOnAJvmIsTheJdkClient() {
        try (HttpTransport transport = HttpTransport.platformDefault()) {
            assertThat(transport).isInstanceOf(JdkHttpTransport.class);
        }
    }
}
