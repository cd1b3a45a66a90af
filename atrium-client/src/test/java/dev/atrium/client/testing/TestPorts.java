package dev.atrium.client.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback ports for test servers that a test stops and starts again, and ports nothing listens
 * on. They come from 20000-29999, below the ranges a port-0 bind draws from (Linux 32768 and up,
 * macOS and Windows 49152 and up), and each is handed out once per JVM from a random start: so a
 * server stopped by one test keeps its port free while other tests start servers at the same time
 * (the quick loop runs test classes concurrently; a port-0 bind once took a just-freed port).
 */
public final class TestPorts {
    private static final int FIRST = 20_000;
    private static final int COUNT = 10_000;
    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(COUNT));

    private TestPorts() {
    }

    /** A port no other caller in this JVM gets; something outside the JVM may still hold it. */
    public static int next() {
        return FIRST + Math.floorMod(NEXT.getAndIncrement(), COUNT);
    }

    /** A port where a connection on loopback is refused now, and that no test server here will take. */
    public static int unused() {
        while (true) {
            int port = next();
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            } catch (IOException refused) {
                return port;
            }
        }
    }
}
