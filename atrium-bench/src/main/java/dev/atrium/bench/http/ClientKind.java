package dev.atrium.bench.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/** Which HTTP client the load uses; {@link #factory} gives one connection per simulated client. */
public enum ClientKind {
    /** Blocking socket, hand-written HTTP/1.1: a few microseconds of generator CPU per request. */
    RAW,
    /** {@link java.net.http.HttpClient} over HTTP/1.1, one shared client and its connection pool. */
    JDK;

    /** A source of connections to {@code base}; closing the JDK client is left to the GC. */
    public Supplier<HttpConnection> factory(URI base) {
        Function<String, HttpConnection> connections = connections(base);
        return () -> connections.apply(null);
    }

    /**
     * Connections to {@code base}, each sending the {@code X-Forwarded-For} it is made with on
     * every request (none when null): one client behind a proxy.
     */
    public Function<String, HttpConnection> connections(URI base) {
        return switch (this) {
            case RAW -> forwardedFor -> new RawHttpConnection(base, forwardedFor);
            case JDK -> {
                HttpClient shared = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                yield forwardedFor -> new JdkHttpConnection(shared, base, forwardedFor);
            }
        };
    }
}
