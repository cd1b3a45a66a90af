package dev.atrium.server.testing.idp;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.atrium.server.delivery.WebhookSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An app's custom-function login: refuses calls whose Standard Webhooks {@code webhook-signature}
 * is not the function secret's over their {@code webhook-id}, {@code webhook-timestamp} and body
 * (401), then answers by the payload:
 * <ul>
 * <li>{@code {"username": u}}: {@code {"id": "user-<u>", "name": u, "data": {"source": "stub"}}};</li>
 * <li>{@code {"refuse": true}}: 403;</li>
 * <li>{@code {"answer": any}}: {@code any} as it is, with status {@code "status"} (default 200).</li>
 * </ul>
 */
final class StubFunction {
    /** A call as received: the headers that matter and the body. */
    record Call(String signature, String app, byte[] body) {
        public JsonNode json() {
            try {
                return StubExchange.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    private final String secret;
    final List<Call> calls = new CopyOnWriteArrayList<>();

    StubFunction(String secret) {
        this.secret = secret;
    }

    void serve(HttpExchange x) throws IOException {
        byte[] body = x.getRequestBody().readAllBytes();
        String signature = x.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE);
        calls.add(new Call(signature, x.getRequestHeaders().getFirst("X-Atrium-App"), body));
        if (!signedRight(x.getRequestHeaders().getFirst(WebhookSignature.ID),
                x.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP), signature, body)) {
            StubExchange.json(x, 401, Map.of("error", "bad signature"));
            return;
        }
        JsonNode payload = StubExchange.JSON.readTree(body);
        if (payload.path("refuse").asBoolean()) {
            StubExchange.json(x, 403, Map.of("error", "no such user"));
        } else if (payload.has("answer")) {
            StubExchange.send(x, payload.path("status").asInt(200), "application/json",
                    StubExchange.JSON.writeValueAsBytes(payload.get("answer")));
        } else {
            String u = payload.path("username").asText();
            StubExchange.json(x, 200, Map.of("id", "user-" + u, "name", u, "data", Map.of("source", "stub")));
        }
    }

    private boolean signedRight(String id, String timestamp, String signature, byte[] body) {
        if (id == null || signature == null || timestamp == null || !timestamp.matches("\\d{1,12}")) {
            return false;
        }
        return signature.equals(WebhookSignature.headers(secret, id, Long.parseLong(timestamp), body).get(WebhookSignature.SIGNATURE))
                && new String(body, StandardCharsets.UTF_8).startsWith("{");
    }
}
