package dev.atrium.server.outbound;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;

/**
 * The sockets of one SMTP session (Jakarta Mail's {@code mail.smtp.socketFactory}), with the limits
 * of {@link Outbound}: the address connected to is the one checked against {@link Destinations};
 * everything the server sends is capped ({@link AnswerLimit#SMTP}, counted below TLS); and when
 * the deadline passes every socket is closed, which ends a blocked connect, read or write, so a
 * server that accepts and never speaks (or speaks a byte a second) cannot hold the request.
 */
public final class OutboundSockets extends SocketFactory implements AutoCloseable {
    private final Destinations destinations;
    private final AnswerLimit limit;
    private final List<Socket> opened = new CopyOnWriteArrayList<>();
    private final ScheduledFuture<?> timer;
    private volatile boolean expired;

    OutboundSockets(Destinations destinations, Duration deadline, AnswerLimit limit, ScheduledExecutorService timers) {
        this.destinations = destinations;
        this.limit = limit;
        this.timer = timers.schedule(this::expire, deadline.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Whether the deadline passed (the session's failure is then the deadline's). */
    public boolean expired() {
        return expired;
    }

    private void expire() {
        expired = true;
        Thread.ofVirtual().name("atrium-smtp-expire").start(this::closeAll); // never blocks the shared timer thread
    }

    @Override
    public Socket createSocket() throws IOException {
        Socket s = new CheckedSocket();
        opened.add(s);
        if (expired) {
            s.close();
        }
        return s;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return createSocket(address, port);
    }

    /** Ends the session's timer and closes what is still open. */
    @Override
    public void close() {
        timer.cancel(false);
        closeAll();
    }

    private void closeAll() {
        for (Socket s : opened) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing is all that is wanted
            }
        }
    }

    /** Connects only to an allowed address (the one resolved here), and counts what it reads. */
    private final class CheckedSocket extends Socket {
        private InputStream in;

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            InetSocketAddress target = (InetSocketAddress) endpoint;
            if (target.isUnresolved()) {
                target = new InetSocketAddress(InetAddress.getByName(target.getHostString()), target.getPort());
            }
            String why = destinations.refusal(target.getAddress());
            if (why != null) {
                throw new OutboundException(OutboundException.Failure.DESTINATION_REFUSED,
                        target.getHostString() + ": " + why + " (outbound-allow-private=false)");
            }
            super.connect(target, timeout);
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new CappedInput(super.getInputStream(), limit);
            }
            return in;
        }
    }

    /** Fails the read that would pass the cap. */
    private static final class CappedInput extends FilterInputStream {
        private final AnswerLimit limit;
        private long count;

        CappedInput(InputStream in, AnswerLimit limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > limit.bytes()) {
                throw new OutboundException(OutboundException.Failure.TOO_LARGE,
                        "the mail server said more than " + limit.bytes() + " bytes");
            }
        }
    }
}
