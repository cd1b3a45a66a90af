package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.server.config.AtriumConfig;
import dev.atrium.server.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A connection that sends nothing, half a request line, or stays open after a response is closed by the
 * server after {@code idle-timeout} (here 1 s), so idle sockets cannot pile up.
 */
class IdleConnectionTest {
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.sqlite(dir, c -> c.withHttp(new AtriumConfig.Http(Duration.ofSeconds(1), AtriumConfig.Http.DEFAULTS.metricsAccess())));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "sent: {0}")
    @ValueSource(strings = {"", "GET /api/client/v2.0/app/x/loc",
            "GET /api/client/v2.0/app/x/location HTTP/1.1\r\nHost: x\r\n\r\n"})
    void connectionIdleLongerThanTheTimeoutIsClosedByTheServer(String sent) throws IOException {
        URI base = URI.create(server.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            // Only a bound on a failing test: a server that never closes fails here instead of hanging.
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(sent.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            assertThat(readUntilClosed(socket.getInputStream())).as("the server closed the connection").isTrue();
        }
    }

    /** Reads (any response included) until the server closes: true on end of stream or reset. */
    private static boolean readUntilClosed(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        try {
            while (in.read(buffer) >= 0) {
                // a response to a complete request; keep reading until the idle close
            }
            return true;
        } catch (SocketException reset) {
            return true;
        }
    }
}
