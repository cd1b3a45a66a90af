package dev.atrium.bench.http;

import java.io.IOException;

/**
 * One client's connection to the server. Not thread-safe: each simulated client owns one, as a
 * real device owns its own connection. {@code bearer} and {@code body} may be null.
 */
public interface HttpConnection extends AutoCloseable {

    Reply send(String method, String path, String bearer, byte[] body) throws IOException;

    @Override
    void close();
}
