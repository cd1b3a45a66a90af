package dev.atrium.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A tiny HTTP client for tests against any Atrium node, in-process or not. */
public final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {}

    /** Sends a request with an optional bearer token; {@code body} null means none. */
    public static Reply send(String method, String url, String bearer, String body) {
        return sendWithHeaders(method, url, bearer == null ? Map.of() : Map.of("Authorization", "Bearer " + bearer), body);
    }

    /** Sends a request with exactly these extra headers. */
    public static Reply sendWithHeaders(String method, String url, Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Guest login on {@code appId} at {@code baseUrl}; fails the test unless 200. */
    public static JsonNode guestLogin(String baseUrl, String appId) {
        Reply r = send("POST", baseUrl + "/api/client/v2.0/app/" + appId + "/auth/providers/anon-user/login", null, "{}");
        if (r.status() != 200) {
            throw new AssertionError("guest login failed: " + r);
        }
        return r.json();
    }

    /** A response. */
    public record Reply(int status, String contentType, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }
}
