package dev.atrium.client.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A tiny HTTP server (the JDK's own) answering what a test scripts per "METHOD path": for answers
 * a real Atrium never gives (text/plain 502s, unknown codes, broken tokens, endless 401s). Its
 * location answers its own URL unless scripted otherwise; unscripted routes answer a JSON 404.
 */
public final class ScriptedServer implements AutoCloseable {
    /** One scripted answer. */
    public record Answer(int status, String contentType, String body, Map<String, String> headers) {
        public static Answer json(int status, String body) {
            return new Answer(status, "application/json", body, Map.of());
        }
    }

    private final HttpServer server;
    private final Map<String, Supplier<Answer>> script = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();

    public ScriptedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} (path without query) with {@code answer}, every time. */
    public ScriptedServer on(String method, String path, Answer answer) {
        return on(method, path, () -> answer);
    }

    /** Answers {@code method path} with whatever {@code answer} supplies at that moment. */
    public ScriptedServer on(String method, String path, Supplier<Answer> answer) {
        script.put(method + " " + path, answer);
        return this;
    }

    /** Every request received, as {@code "METHOD path"}, in order. */
    public List<String> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            received.add(key);
            Supplier<Answer> scripted = script.get(key);
            Answer answer;
            if (scripted != null) {
                answer = scripted.get();
            } else if (key.startsWith("GET ") && key.endsWith("/location")) {
                answer = Answer.json(200, "{\"hostname\":\"" + url() + "\",\"ws_hostname\":\"ws://x\"}");
            } else {
                answer = Answer.json(404, "{\"error\":\"unscripted " + key + "\",\"error_code\":\"NotFound\"}");
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            if (answer.contentType() != null) {
                exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            }
            byte[] body = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
