package dev.atrium.server.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy (Debian's {@code haproxy} package) in the foreground, balancing over Atrium nodes on
 * loopback ports with active health checks on {@code /health/ready} every 250 ms: a node is out
 * after two failed checks and back after two good ones. A request whose connection to a node fails
 * (it is restarting) is sent to the other: {@code retry-on conn-failure} with {@code redispatch};
 * nothing that reached a node is ever sent twice. Missing, it fails the test (never skips).
 *
 * <p>A planned restart drains the node in the proxy first, through HAProxy's runtime API (its
 * admin socket): {@link #drain} puts the server in maintenance (no new request goes there) and
 * waits for its requests in flight to finish; {@link #ready} takes it back.
 */
public final class Haproxy implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/sbin/haproxy");
    private final Process process;
    private final Path dir;
    public final int port;

    private Haproxy(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** What HAProxy printed (server state changes, alerts). */
    public String log() {
        try {
            return Files.readString(dir.resolve("haproxy.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Balances round robin over the nodes listening on {@code nodePorts}, from a free port of its own. */
    public static Haproxy start(Path dir, List<Integer> nodePorts) {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError(BINARY + " is missing: apt-get install haproxy (.ci/run installs it)");
        }
        int port = freePort();
        StringBuilder cfg = new StringBuilder("""
                global
                    maxconn 1024
                    stats socket %s mode 600 level admin
                defaults
                    mode http
                    timeout connect 1s
                    timeout check 2s
                    timeout client 30s
                    timeout server 30s
                    retries 3
                    option redispatch 1
                    retry-on conn-failure
                frontend atrium
                    bind 127.0.0.1:%d
                    default_backend nodes
                backend nodes
                    balance roundrobin
                    option httpchk
                    http-check send meth GET uri /health/ready ver HTTP/1.1 hdr Host localhost
                    http-check expect status 200
                    default-server inter 250ms fall 2 rise 2
                """.formatted(dir.resolve("admin.sock"), port));
        for (int i = 0; i < nodePorts.size(); i++) {
            cfg.append("    server node").append(i).append(" 127.0.0.1:").append(nodePorts.get(i)).append(" check\n");
        }
        try {
            Path file = dir.resolve("haproxy.cfg");
            Files.writeString(file, cfg);
            Process p = new ProcessBuilder(BINARY.toString(), "-db", "-f", file.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
            Haproxy h = new Haproxy(p, dir, port);
            h.awaitListening(dir);
            return h;
        } catch (IOException e) {
            throw new AssertionError("cannot start haproxy: " + e.getMessage(), e);
        }
    }

    private void awaitListening(Path dir) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("haproxy exited:\n" + Files.readString(dir.resolve("haproxy.log")));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new AssertionError("haproxy not listening after 10 s:\n" + Files.readString(dir.resolve("haproxy.log")));
    }

    /** Sends no new request to node {@code index} and waits (up to 10 s) until none is in flight there. */
    public void drain(int index) {
        admin("set server nodes/node" + index + " state maint");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (sessions(index) == 0) {
                return;
            }
            sleep(20);
        }
        throw new AssertionError("node" + index + " still has requests in flight after 10 s");
    }

    /** Takes node {@code index} back into rotation (its health checks still decide whether it is up). */
    public void ready(int index) {
        admin("set server nodes/node" + index + " state ready");
    }

    /** Requests in flight at node {@code index} ({@code scur} of {@code show stat}). */
    private int sessions(int index) {
        String[] lines = admin("show stat").split("\n");
        List<String> header = List.of(lines[0].replaceFirst("^# ", "").split(","));
        for (String line : lines) {
            String[] f = line.split(",", -1);
            if (f.length > 2 && f[0].equals("nodes") && f[1].equals("node" + index)) {
                return Integer.parseInt(f[header.indexOf("scur")]);
            }
        }
        throw new AssertionError("no node" + index + " in show stat:\n" + String.join("\n", lines));
    }

    /** One command on the admin socket; its answer. */
    private String admin(String command) {
        try (java.nio.channels.SocketChannel c = java.nio.channels.SocketChannel.open(
                java.net.UnixDomainSocketAddress.of(dir.resolve("admin.sock")))) {
            c.write(java.nio.ByteBuffer.wrap((command + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(8192);
            while (c.read(buf) > 0) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("haproxy admin socket: " + e.getMessage(), e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A free loopback port (for a node that must come back where the balancer expects it). */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
