package dev.atrium.client.testing;

import dev.atrium.client.http.HttpTransport;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A transport that records every request before a real one sends it: handed to
 * {@code App.builder(…).transport(…)}, it proves what the SDK sent, and that it sent nothing.
 * Closing it closes the real transport.
 */
public final class CountingTransport implements HttpTransport {
    /** One request as sent. */
    public record Sent(String method, URI uri) {
        /** {@code "GET /api/client/v2.0/auth/profile"}. */
        @Override
        public String toString() {
            return method + " " + uri.getRawPath();
        }
    }

    private final HttpTransport delegate;
    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();

    /** Counts what {@code delegate} sends. */
    public CountingTransport(HttpTransport delegate) {
        this.delegate = delegate;
    }

    /** Counts what a new transport of {@code kind} sends. */
    public CountingTransport(TransportKind kind) {
        this(kind.create());
    }

    /** Every request so far, in order. */
    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** How many requests were sent. */
    public int count() {
        return sent.size();
    }

    /** How many requests with {@code method} had a path ending in {@code pathSuffix}. */
    public long count(String method, String pathSuffix) {
        return sent.stream().filter(s -> s.method().equals(method) && s.uri().getRawPath().endsWith(pathSuffix)).count();
    }

    @Override
    public Response send(Request request) throws IOException {
        sent.add(new Sent(request.method(), request.uri()));
        return delegate.send(request);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
