package dev.atrium.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** An app's webhook endpoint for tests: records every POSTed JSON and answers what the test says. */
public final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    public final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private volatile Function<JsonNode, Integer> status = body -> 200;
    private volatile Function<JsonNode, String> answer = body -> "{}";

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            received.add(body);
            byte[] out = answer.apply(body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.apply(body), out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Answers every request with {@code code} and {@code body}. */
    public void answer(int code, String body) {
        status = b -> code;
        answer = b -> body;
    }

    /** The payloads of {@code type} for {@code email} received so far, oldest first. */
    public List<JsonNode> all(String type, String email) {
        return received.stream().filter(n -> n.path("type").asText().equals(type) && n.path("email").asText().equals(email))
                .toList();
    }

    /**
     * Waits until the {@code n}th payload of {@code type} for {@code email} has arrived (deliveries
     * that run after their request was answered) and returns it; fails after 10 s.
     */
    public JsonNode await(String type, String email, int n) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (all(type, email).size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("webhook " + type + " #" + n + " for " + email + " never came; received " + received);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return all(type, email).get(n - 1);
    }

    /** The last payload of {@code type} for {@code email}. */
    public JsonNode last(String type, String email) {
        for (int i = received.size() - 1; i >= 0; i--) {
            JsonNode n = received.get(i);
            if (n.path("type").asText().equals(type) && n.path("email").asText().equals(email)) {
                return n;
            }
        }
        throw new AssertionError("no " + type + " webhook for " + email + " in " + received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
