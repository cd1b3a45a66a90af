package dev.atrium.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A webhook receiver that takes its time: every POST is recorded when it arrives, then answered
 * {@code answer} after {@code hold} (changeable while it runs). Requests are served concurrently.
 */
public final class SlowReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    public final List<JsonNode> arrived = new CopyOnWriteArrayList<>();
    private volatile Duration hold;
    private final String answer;

    public SlowReceiver(Duration hold, String answer) {
        this.hold = hold;
        this.answer = answer;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hook", exchange -> {
            arrived.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            try {
                Thread.sleep(hold.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(200, out.length);
                exchange.getResponseBody().write(out);
            } catch (IOException gone) {
                // the caller gave up
            }
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public void hold(Duration value) {
        hold = value;
    }

    /** Waits until {@code n} requests have arrived; fails after {@code patience}. */
    public void awaitArrivals(int n, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (arrived.size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(n + " webhook calls expected, " + arrived.size() + " came");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
