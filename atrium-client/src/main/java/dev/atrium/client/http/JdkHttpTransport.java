package dev.atrium.client.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A transport on the JDK's {@code java.net.http.HttpClient} (HTTP/1.1 and HTTP/2, connection
 * pooling): the default on a JVM. Not available on Android; use {@link UrlConnectionTransport}
 * there. Thread-safe.
 */
@JvmOnly
public final class JdkHttpTransport implements HttpTransport {
    private final HttpClient client;
    private final boolean owned;

    /** A transport with its own client: 10 s connect timeout, redirects never followed. */
    public JdkHttpTransport() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build(),
                true);
    }

    /**
     * A transport over {@code client} (proxy, TLS, executor of your choice); {@link #close()}
     * leaves it open. It should not follow redirects.
     */
    public JdkHttpTransport(HttpClient client) {
        this(Objects.requireNonNull(client, "client"), false);
    }

    private JdkHttpTransport(HttpClient client, boolean owned) {
        this.client = client;
        this.owned = owned;
    }

    @Override
    public Response send(Request request) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(request.timeout());
        request.headers().forEach(builder::header);
        builder.method(request.method(), request.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        HttpResponse<byte[]> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted");
            interrupted.initCause(e);
            throw interrupted;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            if (!header.getValue().isEmpty()) {
                headers.putIfAbsent(header.getKey(), header.getValue().get(0));
            }
        }
        return new Response(response.statusCode(), headers, response.body());
    }

    /** Closes the client this transport created (Java 21+ can close one; on 17 it is left to the GC). */
    @Override
    public void close() {
        if (owned && client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the HTTP client", e);
            }
        }
    }
}
