package dev.atrium.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.core.kernel.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A small client of the admin API ({@code /api/admin/v1}). An error answer {@code {error, error_code}}
 * becomes a {@link AtriumCommand.CommandFailure} "error_code: error" (exit 1), as does a server that
 * cannot be reached. The bearer token goes only into the Authorization header.
 */
final class AdminClient implements AutoCloseable {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    private final URI base;
    private final String token;
    private final HttpClient http;

    AdminClient(URI base, String token) {
        this.base = base;
        this.token = token;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** GET {@code path} (under /api/admin/v1) with the non-null query parameters. */
    JsonNode get(String path, Map<String, ?> query) {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((k, v) -> {
            if (v != null) {
                q.add(k + "=" + URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
            }
        });
        return send("GET", path + q, null);
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    /** Sends {@code body} (null: none) as JSON; the answer's JSON, or null for 204. */
    JsonNode send(String method, String path, Object body) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + "/api/admin/v1" + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            req.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            req.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
        }
        HttpResponse<String> res;
        try {
            res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw unreachable("no connection within " + CONNECT_TIMEOUT.toSeconds() + "s");
        } catch (HttpTimeoutException e) {
            throw new AtriumCommand.CommandFailure("the server at " + base + " did not answer within " + REQUEST_TIMEOUT.toMinutes() + " min");
        } catch (IOException e) {
            throw unreachable(reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtriumCommand.CommandFailure("interrupted");
        }
        return answer(method, path, res);
    }

    private JsonNode answer(String method, String path, HttpResponse<String> res) {
        String text = res.body() == null ? "" : res.body();
        JsonNode json = null;
        if (!text.isBlank()) {
            try {
                json = Json.MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                json = null;
            }
        }
        int status = res.statusCode();
        if (status >= 200 && status < 300) {
            if (json == null && !text.isBlank()) {
                throw new AtriumCommand.CommandFailure(method + " " + path + " at " + base + " answered " + status + " but not JSON");
            }
            return json;
        }
        if (json != null && json.hasNonNull("error_code")) {
            throw new AtriumCommand.CommandFailure(json.get("error_code").asText() + ": " + json.path("error").asText());
        }
        throw new AtriumCommand.CommandFailure(method + " " + path.replaceFirst("\\?.*", "") + " at " + base + " answered HTTP " + status
                + " (is this an Atrium server?)");
    }

    private AtriumCommand.CommandFailure unreachable(String why) {
        return new AtriumCommand.CommandFailure("the server is not reachable at " + base + " (" + why + ")");
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return "unknown host";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return "connection refused";
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A path segment, percent-encoded. */
    static String seg(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The JSON as operators read it: indented, one field a line. */
    static String pretty(JsonNode node) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
