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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
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

    /** A request as the script sees it. */
    public record Received(String method, String path, Map<String, String> headers, byte[] body) {
        /** The first value of header {@code name} (any case), or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Function<Received, Answer>> script = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Received> requests = new ConcurrentLinkedQueue<>();

    public ScriptedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads); // platform threads: this runs on Java 17 too
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
        return onRequest(method, path, request -> answer.get());
    }

    /** Answers {@code method path} with what {@code answer} makes of the request (its headers, its body). */
    public ScriptedServer onRequest(String method, String path, Function<Received, Answer> answer) {
        script.put(method + " " + path, answer);
        return this;
    }

    /** Every request received, in order, with headers and body. */
    public List<Received> requests() {
        return List.copyOf(requests);
    }

    /** Every request received, as {@code "METHOD path"}, in order. */
    public List<String> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, requestBody);
            received.add(key);
            requests.add(request);
            Function<Received, Answer> scripted = script.get(key);
            Answer answer;
            if (scripted != null) {
                answer = scripted.apply(request);
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
        threads.shutdownNow();
    }
}
