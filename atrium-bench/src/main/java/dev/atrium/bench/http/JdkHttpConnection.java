package dev.atrium.bench.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A simulated client over the JDK's HttpClient; the client's pool owns the actual connections. */
final class JdkHttpConnection implements HttpConnection {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final URI base;
    private final String forwardedFor;

    /** {@code forwardedFor}: the {@code X-Forwarded-For} of every request, or null for none. */
    JdkHttpConnection(HttpClient client, URI base, String forwardedFor) {
        this.client = client;
        this.base = base;
        this.forwardedFor = forwardedFor;
    }

    @Override
    public Reply send(String method, String path, String bearer, byte[] body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        // the shared client's pool keeps the connection; nothing is per simulated client
    }
}
