package dev.atrium.client.testing;

import dev.atrium.client.http.HttpTransport;
import dev.atrium.client.http.JdkHttpTransport;
import dev.atrium.client.http.UrlConnectionTransport;
import java.util.function.Supplier;

/** The SDK's two transports, so a test runs the same scenario over each. */
public enum TransportKind {
    /** {@code java.net.http}: the JVM default. */
    JDK(JdkHttpTransport::new),
    /** {@code HttpURLConnection}: what Android uses. */
    URL_CONNECTION(UrlConnectionTransport::new);

    private final Supplier<HttpTransport> factory;

    TransportKind(Supplier<HttpTransport> factory) {
        this.factory = factory;
    }

    /** A new transport of this kind. */
    public HttpTransport create() {
        return factory.get();
    }
}
