package dev.atrium.client.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sends one HTTP request and returns the answer, whatever its status. Implementations must be
 * thread-safe, must not follow redirects (the client API never redirects, and a redirect must not
 * carry a bearer token elsewhere) and must not retry. Pass one to
 * {@code App.builder(…).transport(…)}; by default the SDK picks {@link #platformDefault()}.
 */
public interface HttpTransport extends AutoCloseable {

    /**
     * Sends {@code request} and returns the answer (any status).
     *
     * @throws IOException when no answer arrived (refused, timed out, broken, interrupted: then an
     *     {@link java.io.InterruptedIOException} with the thread's interrupt flag set)
     */
    Response send(Request request) throws IOException;

    /** Releases what the transport holds; an App closes only a transport it created itself. */
    @Override
    default void close() {}

    /**
     * The JDK's {@code java.net.http} client where the platform has it (any JVM 11+), else
     * {@code HttpURLConnection} (Android).
     */
    static HttpTransport platformDefault() {
        return DefaultTransport.create();
    }

    /**
     * One request.
     *
     * @param method {@code GET}, {@code POST}, {@code PUT} or {@code DELETE}
     * @param uri the absolute URL
     * @param headers header names and values, sent as given
     * @param body the body, or null for none
     * @param timeout how long the whole exchange may take
     */
    record Request(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout) {
        /** Checks the parts and copies the headers. */
        public Request {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(timeout, "timeout");
            headers = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(headers, "headers")));
        }

        @Override
        public String toString() {
            return method + " " + uri; // never the headers: they carry tokens
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Request r && method.equals(r.method) && uri.equals(r.uri) && headers.equals(r.headers)
                    && Arrays.equals(body, r.body) && timeout.equals(r.timeout);
        }

        @Override
        public int hashCode() {
            return Objects.hash(method, uri, headers, Arrays.hashCode(body), timeout);
        }
    }

    /**
     * One answer.
     *
     * @param status the HTTP status
     * @param headers the first value of each header, names compared ignoring case
     * @param body the body, empty when there was none
     */
    record Response(int status, Map<String, String> headers, byte[] body) {
        /** Copies the headers into a case-insensitive map; a null body becomes empty. */
        public Response {
            TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            copy.putAll(Objects.requireNonNull(headers, "headers"));
            headers = Collections.unmodifiableMap(copy);
            body = body == null ? new byte[0] : body;
        }

        /** The first value of header {@code name}, any case. */
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }

        @Override
        public String toString() {
            return "HTTP " + status + " (" + body.length + " bytes)";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Response r && status == r.status && headers.equals(r.headers) && Arrays.equals(body, r.body);
        }

        @Override
        public int hashCode() {
            return Objects.hash(status, headers, Arrays.hashCode(body));
        }
    }
}
