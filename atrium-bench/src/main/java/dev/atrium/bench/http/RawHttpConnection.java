package dev.atrium.bench.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over one blocking, keep-alive socket: the request goes out in one write, the response
 * is read by Content-Length (or chunked). Just enough HTTP for Atrium's JSON routes, and cheap,
 * because every microsecond spent here is taken from the server on a shared two-core machine.
 * A failed exchange closes the socket; the next request opens a new one.
 */
final class RawHttpConnection implements HttpConnection {
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 30_000;

    private final InetSocketAddress address;
    private final byte[] hostHeader;
    private final ByteArrayOutputStream request = new ByteArrayOutputStream(1024);
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** {@code forwardedFor}: the {@code X-Forwarded-For} of every request, or null for none. */
    RawHttpConnection(URI base, String forwardedFor) {
        int port = base.getPort() > 0 ? base.getPort() : 80;
        this.address = new InetSocketAddress(base.getHost(), port);
        this.hostHeader = ("Host: " + base.getHost() + ":" + port + "\r\n"
                + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n")).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public Reply send(String method, String path, String bearer, byte[] body) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            writeRequest(method, path, bearer, body);
            return readResponse(method);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(READ_TIMEOUT_MS);
        s.connect(address, CONNECT_TIMEOUT_MS);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
        out = s.getOutputStream();
    }

    private void writeRequest(String method, String path, String bearer, byte[] body) throws IOException {
        request.reset();
        ascii(method + " " + path + " HTTP/1.1\r\n");
        request.write(hostHeader);
        ascii("Accept: application/json\r\n");
        if (bearer != null) {
            ascii("Authorization: Bearer " + bearer + "\r\n");
        }
        if (body != null) {
            ascii("Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n");
            request.write(body);
        } else {
            ascii("Content-Length: 0\r\n\r\n");
        }
        request.writeTo(out);
        out.flush();
    }

    private void ascii(String s) {
        request.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    private Reply readResponse(String method) throws IOException {
        String statusLine = readLine();
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        byte[] body;
        if (status == 204 || status == 304 || method.equals("HEAD")) {
            body = new byte[0];
        } else if (chunked) {
            body = readChunked();
        } else if (length >= 0) {
            body = in.readNBytes((int) length);
            if (body.length != length) {
                throw new EOFException("body ended after " + body.length + " of " + length + " bytes");
            }
        } else {
            body = in.readAllBytes(); // no length: the body runs to the end of the connection
            closeAfter = true;
        }
        if (closeAfter) {
            close();
        }
        return new Reply(status, body);
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int semi = sizeLine.indexOf(';');
            int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
            if (size == 0) {
                while (!readLine().isEmpty()) { } // trailers
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine();
        }
    }

    /** One header line without its CRLF (ASCII is all HTTP/1.1 headers need). */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken socket: nothing left to release
            }
            socket = null;
        }
    }
}
