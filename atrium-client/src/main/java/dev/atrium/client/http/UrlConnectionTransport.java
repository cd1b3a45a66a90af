package dev.atrium.client.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URLConnection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A transport on {@code java.net.HttpURLConnection}: what Android offers (API 26+ with this SDK)
 * and every JVM has. Connections are kept alive and reused by the platform: every body is read to
 * the end and closed, and {@code disconnect()} is never called. {@code HttpURLConnection} has no
 * whole-exchange deadline, so the request's timeout bounds the connect and each read separately.
 * Thread-safe (one connection object per request).
 */
public final class UrlConnectionTransport implements HttpTransport {
    private final Duration connectTimeout;

    /** Connects within 10 s, like {@link JdkHttpTransport}. */
    public UrlConnectionTransport() {
        this(Duration.ofSeconds(10));
    }

    /** Connects within {@code connectTimeout} (and never longer than a request's own timeout). */
    public UrlConnectionTransport(Duration connectTimeout) {
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive");
        }
        this.connectTimeout = connectTimeout;
    }

    @Override
    public Response send(Request request) throws IOException {
        URLConnection opened = request.uri().toURL().openConnection();
        if (!(opened instanceof HttpURLConnection)) {
            throw new IOException("not an http(s) URL: " + request.uri());
        }
        HttpURLConnection connection = (HttpURLConnection) opened;
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setConnectTimeout(millis(connectTimeout.compareTo(request.timeout()) < 0 ? connectTimeout : request.timeout()));
        connection.setReadTimeout(millis(request.timeout()));
        connection.setRequestMethod(request.method());
        request.headers().forEach(connection::setRequestProperty);
        byte[] body = request.body();
        if (body == null && ("POST".equals(request.method()) || "PUT".equals(request.method()))) {
            body = new byte[0]; // an explicit Content-Length: 0, which some servers require of a POST
        }
        if (body != null) {
            // Buffered, not setFixedLengthStreamingMode: in streaming mode the JDK answers a 401 with
            // HttpRetryException and drops its body, and the body names the error (e.g. InvalidPassword).
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        int status = connection.getResponseCode();
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : connection.getHeaderFields().entrySet()) {
            if (header.getKey() != null && header.getValue() != null && !header.getValue().isEmpty()) {
                headers.putIfAbsent(header.getKey(), header.getValue().get(0));
            }
        }
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        return new Response(status, headers, in == null ? new byte[0] : readFully(in));
    }

    private static byte[] readFully(InputStream in) throws IOException {
        try (InputStream stream = in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = stream.read(buffer)) != -1; ) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }
}
