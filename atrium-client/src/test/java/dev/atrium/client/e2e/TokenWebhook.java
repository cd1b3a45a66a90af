package dev.atrium.client.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The app's {@code local-userpass} webhook (the server's {@code confirmation: webhook} mode): the
 * server POSTs {@code {"type":"confirm","email","token","tokenId",…}} here instead of mailing a link,
 * which is how a test learns the token (the server stores only its hash).
 */
final class TokenWebhook implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    /** The two values of {@code POST …/local-userpass/confirm}. */
    record Confirmation(String token, String tokenId) {}

    TokenWebhook() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            try (exchange) {
                received.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
                byte[] body = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    /** The URL to configure as the provider's {@code webhook_url}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The token and token id of the latest confirmation sent for {@code email}. */
    Confirmation confirmationFor(String email) {
        for (int i = received.size() - 1; i >= 0; i--) {
            JsonNode n = received.get(i);
            if (n.path("type").asText().equals("confirm") && n.path("email").asText().equals(email)) {
                return new Confirmation(n.path("token").asText(), n.path("tokenId").asText());
            }
        }
        throw new AssertionError("no confirmation was sent for " + email + "; received " + received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
