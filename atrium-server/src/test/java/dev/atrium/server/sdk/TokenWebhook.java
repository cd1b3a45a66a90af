package dev.atrium.server.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The app's {@code local-userpass} webhook for the realm-web scenarios, on a free local port.
 * {@code POST /hook} records the server's JSON payload ({@code confirm}, {@code reset} or
 * {@code reset_function}); a {@code reset_function} call is answered {@code {"status": S}} where S is
 * its first argument when that is {@code success}, {@code pending} or {@code fail}, else
 * {@code success}. {@code GET /last?email=…&type=…} returns the latest payload of that type for that
 * e-mail (404 when none), which is how the Node scenarios get their tokens.
 */
final class TokenWebhook implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DECISIONS = Set.of("success", "pending", "fail");

    private final HttpServer server;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    private TokenWebhook(HttpServer server) {
        this.server = server;
    }

    static TokenWebhook start() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TokenWebhook hook = new TokenWebhook(server);
        server.createContext("/hook", hook::record);
        server.createContext("/last", hook::last);
        server.start();
        return hook;
    }

    /** {@code http://127.0.0.1:PORT}: the base of {@code /hook} and {@code /last}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The URL to configure as the provider's {@code webhook_url}. */
    String hookUrl() {
        return baseUrl() + "/hook";
    }

    /** Every payload received so far, oldest first. */
    List<JsonNode> received() {
        return List.copyOf(received);
    }

    private void record(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            reply(exchange, 405, Map.of("error", "POST only"));
            return;
        }
        JsonNode payload = JSON.readTree(exchange.getRequestBody().readAllBytes());
        received.add(payload);
        if (payload.path("type").asText().equals("reset_function")) {
            String first = payload.path("arguments").path(0).asText("");
            reply(exchange, 200, Map.of("status", DECISIONS.contains(first) ? first : "success"));
        } else {
            reply(exchange, 200, Map.of());
        }
    }

    private void last(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String email = query.getOrDefault("email", "");
        String type = query.getOrDefault("type", "");
        for (int i = received.size() - 1; i >= 0; i--) {
            JsonNode payload = received.get(i);
            if (payload.path("email").asText().equals(email) && payload.path("type").asText().equals(type)) {
                reply(exchange, 200, payload);
                return;
            }
        }
        reply(exchange, 404, Map.of("error", "no " + type + " payload for " + email));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] out = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, out.length);
        try (var os = exchange.getResponseBody()) {
            os.write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
