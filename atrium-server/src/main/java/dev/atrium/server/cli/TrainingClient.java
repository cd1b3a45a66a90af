package dev.atrium.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection of the AOT training run: requests one after another on the
 * same socket, as the SDKs and the bench send them, so the cache records the server's keep-alive
 * path. Plain sockets, not java.net.http: the client's classes would otherwise end up in every
 * server's start-up.
 */
final class TrainingClient implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    TrainingClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream());
    }

    /** One request; the JSON body of a 2xx, else a failure. */
    JsonNode call(String method, String path, String bearer, String body) throws IOException {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        if (bearer != null) {
            head.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\n");
        }
        head.append("Content-Length: ").append(payload.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(payload);
        out.flush();
        String[] reply = readReply();
        if (!reply[0].startsWith("2")) {
            throw new IOException(method + " " + path + " answered " + reply[0]);
        }
        return reply[1].isBlank() ? JSON.createObjectNode() : JSON.readTree(reply[1]);
    }

    /** Status and body of one reply: Content-Length or chunked (Helidon's two forms). */
    private String[] readReply() throws IOException {
        String status = line();
        long length = 0;
        boolean chunked = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(h.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int n = Integer.parseInt(line().trim(), 16); n > 0; n = Integer.parseInt(line().trim(), 16)) {
                body.write(in.readNBytes(n));
                line();
            }
            line();
        } else {
            body.write(in.readNBytes((int) length));
        }
        return new String[] {status.substring(status.indexOf(' ') + 1), body.toString(StandardCharsets.UTF_8)};
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed mid-reply");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
