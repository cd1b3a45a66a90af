package dev.atrium.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A receiver that attacks whoever calls it, on loopback: a raw {@link ServerSocket}, so the test
 * decides every byte Atrium reads. Every connection gets the same {@link Behaviour}. It counts the
 * requests it got and the bytes it managed to write before the caller hung up, and never buffers
 * what it sends (a gibibyte of zeros is one 64 KiB buffer written again and again).
 */
public final class HostileReceiver implements AutoCloseable {
    private static final byte[] ZEROS = new byte[64 * 1024];

    /** What the receiver does with one connection. */
    @FunctionalInterface
    public interface Behaviour {
        void serve(InputStream in, OutputStream out, HostileReceiver self) throws IOException, InterruptedException;
    }

    /** A request as received: its head (request line and headers) and body. */
    public record Request(String head, byte[] body) {
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private final ServerSocket server;
    private volatile Behaviour behaviour;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-receiver");
        t.setDaemon(true);
        return t;
    });
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    /** Requests read (HTTP behaviours) or connections accepted (the others). */
    public final AtomicInteger hits = new AtomicInteger();
    /** Bytes written to the caller before it hung up or the answer ended. */
    public final AtomicLong bytesWritten = new AtomicLong();
    /** The requests read, in order. */
    public final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Counted down once a connection's caller hung up on the receiver (a write failed or a read saw the end). */
    public final CountDownLatch hungUp = new CountDownLatch(1);
    /** Counted down once a drip has begun. */
    public final CountDownLatch dripping = new CountDownLatch(1);
    /** Body bytes a drip got out before the caller hung up. */
    public final AtomicInteger dripped = new AtomicInteger();

    private HostileReceiver(InetAddress address, Behaviour behaviour) {
        this.behaviour = behaviour;
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(address, 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.submit(this::acceptLoop);
    }

    /** On 127.0.0.1. */
    public static HostileReceiver start(Behaviour behaviour) {
        return on(InetAddress.getLoopbackAddress(), behaviour);
    }

    /** On {@code address} (a loopback one: 127.0.0.1 or ::1). */
    public static HostileReceiver on(InetAddress address, Behaviour behaviour) {
        return new HostileReceiver(address, behaviour);
    }

    /** From now on, connections get {@code next}. */
    public void behave(Behaviour next) {
        behaviour = next;
    }

    /** {@code http://<address>:<port><path>}, IPv6 in brackets. */
    public String url(String path) {
        InetAddress a = server.getInetAddress();
        String host = a.getHostAddress().contains(":") ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
        return "http://" + host + ":" + server.getLocalPort() + path;
    }

    public int port() {
        return server.getLocalPort();
    }

    private Void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.add(s);
                threads.submit(() -> serve(s));
            } catch (IOException e) {
                return null; // closed
            }
        }
        return null;
    }

    private Void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = new Counting(s.getOutputStream())) {
            behaviour.serve(in, out, this);
            out.flush();
        } catch (IOException e) {
            hungUp.countDown(); // the caller closed or reset the connection mid-answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** Reads one HTTP/1.1 request (head and Content-Length body) and records it. */
    public Request readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended early");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        Request partial = new Request(head.toString(StandardCharsets.ISO_8859_1), new byte[0]);
        String length = partial.header("Content-Length");
        Request request = new Request(partial.head(), length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length)));
        requests.add(request);
        hits.incrementAndGet();
        return request;
    }

    // ---- behaviours -----------------------------------------------------------------------

    /** 200 with a chunked body of {@code total} zero bytes, written lazily. */
    public static Behaviour hugeChunkedBody(long total) {
        return (in, out, self) -> {
            self.readRequest(in);
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
            byte[] size = ascii(Integer.toHexString(ZEROS.length).toUpperCase(Locale.ROOT) + "\r\n");
            for (long sent = 0; sent < total; sent += ZEROS.length) {
                out.write(size);
                out.write(ZEROS);
                out.write(ascii("\r\n"));
            }
            out.write(ascii("0\r\n\r\n"));
        };
    }

    /** 200 declaring {@code total} bytes of Content-Length, then writing them lazily. */
    public static Behaviour hugeDeclaredBody(long total) {
        return (in, out, self) -> {
            self.readRequest(in);
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + total + "\r\n\r\n"));
            for (long sent = 0; sent < total; sent += ZEROS.length) {
                out.write(ZEROS, 0, (int) Math.min(ZEROS.length, total - sent));
            }
        };
    }

    /** 200 with a header line that never ends (a gibibyte of 'a'). */
    public static Behaviour endlessHeaderLine() {
        return (in, out, self) -> {
            self.readRequest(in);
            out.write(ascii("HTTP/1.1 200 OK\r\nX-Endless: "));
            byte[] a = new byte[ZEROS.length];
            java.util.Arrays.fill(a, (byte) 'a');
            for (long sent = 0; sent < (1L << 30); sent += a.length) {
                out.write(a);
            }
        };
    }

    /** 200 declaring a 64-byte JSON body, sent one byte per {@code every}. */
    public static Behaviour drip(Duration every) {
        return (in, out, self) -> {
            self.readRequest(in);
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 64\r\n\r\n"));
            out.flush();
            for (int i = 0; i < 64; i++) {
                out.write(' ');
                out.flush();
                self.dripped.incrementAndGet();
                self.dripping.countDown();
                Thread.sleep(every.toMillis());
            }
        };
    }

    /** 302 to {@code location}. */
    public static Behaviour redirectTo(String location) {
        return (in, out, self) -> {
            self.readRequest(in);
            out.write(ascii("HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n"));
        };
    }

    /** {@code status} with {@code body} as JSON. */
    public static Behaviour answer(int status, String body) {
        return (in, out, self) -> {
            self.readRequest(in);
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            out.write(ascii("HTTP/1.1 " + status + " Whatever\r\nContent-Type: application/json\r\nContent-Length: " + b.length
                    + "\r\nConnection: close\r\n\r\n"));
            out.write(b);
        };
    }

    /** Accepts and never says a word; waits until the caller hangs up. */
    public static Behaviour silent() {
        return (in, out, self) -> {
            self.hits.incrementAndGet();
            while (in.read() >= 0) {
                // whatever the caller sends is ignored
            }
            self.hungUp.countDown();
        };
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private final class Counting extends OutputStream {
        private final OutputStream out;

        Counting(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytesWritten.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytesWritten.addAndGet(len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
