package dev.atrium.client;

import dev.atrium.api.ErrorBody;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * One HTTP exchange: JSON in, bytes out, every non-2xx turned into a {@link ServiceException} and
 * every missing answer into a {@link NetworkException}. No retries, no tokens of its own: refresh
 * lives in {@link TokenRefresher}. Thread-safe (the JDK client is).
 */
final class Transport {
    private static final String USER_AGENT = "atrium-java-sdk/" + DeviceInfo.SDK_VERSION;

    private final HttpClient client;
    private final Duration timeout;

    Transport(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /**
     * Sends {@code method uri} with an optional bearer token and JSON body ({@code null} for none)
     * and returns the answer's body (empty for 204), or throws.
     */
    byte[] send(String method, URI uri, String bearer, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            // Core's exact header (docs/client-api.md, Conventions); the server reads the body whatever the charset parameter.
            request.header("Content-Type", "application/json;charset=utf-8");
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(WireJson.write(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new NetworkException(method + " " + uri + " failed: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkException(method + " " + uri + " interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body() == null ? new byte[0] : response.body();
        }
        throw refusal(response);
    }

    /**
     * The refusal in an error answer (docs/client-api.md, Errors). Like realm-web, any {@code application/json…}
     * Content-Type is read; without a JSON body the status alone is kept (core's generic HTTPError).
     */
    static ServiceException refusal(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        ErrorBody error = null;
        if (contentType.startsWith("application/json") && response.body() != null && response.body().length > 0) {
            try {
                error = WireJson.MAPPER.readValue(response.body(), ErrorBody.class);
            } catch (IOException | RuntimeException ignored) {
                // Not an error body after all (e.g. a proxy's JSON): the status still tells the story.
            }
        }
        String message = error != null && error.error() != null ? error.error() : "HTTP " + status;
        return new ServiceException(status, error == null ? null : error.errorCode(), message,
                error == null ? null : error.link(), retryAfter(response));
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
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

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }
}
