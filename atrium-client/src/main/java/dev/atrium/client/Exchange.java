package dev.atrium.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.api.ErrorBody;
import dev.atrium.client.http.HttpTransport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP exchange over the App's {@link HttpTransport}: JSON in, bytes out, every non-2xx turned
 * into a {@link ServiceException} and every missing answer into a {@link NetworkException}. No
 * retries, no tokens of its own: refresh lives in {@link TokenRefresher}. Thread-safe (transports
 * must be).
 */
final class Exchange {
    private static final String USER_AGENT = "atrium-java-sdk/" + DeviceInfo.SDK_VERSION;

    private final HttpTransport transport;
    private final Duration timeout;

    Exchange(HttpTransport transport, Duration timeout) {
        this.transport = transport;
        this.timeout = timeout;
    }

    /**
     * Sends {@code method uri} with an optional bearer token and JSON body ({@code null} for none)
     * and returns the answer's body (empty for 204), or throws.
     */
    byte[] send(String method, URI uri, String bearer, Object body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("User-Agent", USER_AGENT);
        if (bearer != null) {
            headers.put("Authorization", "Bearer " + bearer);
        }
        byte[] bytes = null;
        if (body != null) {
            // The core SDKs' exact header; the server reads the body whatever the charset parameter.
            headers.put("Content-Type", "application/json;charset=utf-8");
            bytes = WireJson.write(body);
        }
        HttpTransport.Response response;
        try {
            response = transport.send(new HttpTransport.Request(method, uri, headers, bytes, timeout));
        } catch (IOException e) {
            if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
                throw new NetworkException(method + " " + uri + " interrupted", e);
            }
            throw new NetworkException(method + " " + uri + " failed: " + describe(e), e);
        } catch (RuntimeException e) {
            // A transport's own bug or an unusable URL: still the SDK's kind of failure, never a bare one.
            throw new NetworkException(method + " " + uri + " failed: " + describe(e), e);
        }
        int status = response.status();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        throw refusal(response);
    }

    /**
     * The refusal in an error answer ({@code {"error","error_code","link"}}). Like realm-web, any
     * {@code application/json…} Content-Type is read; without a JSON body the status alone is
     * kept (core's generic HTTP error).
     */
    static ServiceException refusal(HttpTransport.Response response) {
        int status = response.status();
        String contentType = response.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        ErrorBody error = null;
        if (contentType.startsWith("application/json") && response.body().length > 0) {
            try {
                JsonNode json = WireJson.MAPPER.readTree(response.body());
                if (json != null && json.isObject()) {
                    error = new ErrorBody(WireJson.text(json, "error"), WireJson.text(json, "error_code"), WireJson.text(json, "link"));
                }
            } catch (IOException | RuntimeException ignored) {
                // Not an error body after all (e.g. a proxy's JSON): the status still tells the story.
            }
        }
        String message = error != null && error.error() != null ? error.error() : "HTTP " + status;
        return ServiceException.of(status, error == null ? null : error.errorCode(), message,
                error == null ? null : error.link(), retryAfter(response));
    }

    private static Duration retryAfter(HttpTransport.Response response) {
        String value = response.header("Retry-After").orElse(null);
        if (value == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException httpDate) {
            return null; // the HTTP-date form is legal but no Atrium server sends it
        }
    }

    private static String describe(Exception e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }
}
