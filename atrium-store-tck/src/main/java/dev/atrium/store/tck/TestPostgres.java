package dev.atrium.store.tck;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The PostgreSQL server the tests use, found or started once per JVM:
 * <ol>
 *   <li>{@code ATRIUM_TEST_PG_URL} when set (a {@code postgresql://user[:password]@host:port/db} url);</li>
 *   <li>else the server on 127.0.0.1:5432 (user postgres, database test) when something answers there
 *       ({@code ATRIUM_TEST_PG_PORT} names another port to look at);</li>
 *   <li>else a throwaway cluster of the tests' own ({@link OwnPostgres}), stopped and deleted when the JVM ends.</li>
 * </ol>
 * So a machine with only a JDK runs the PostgreSQL tests too; nothing is ever skipped.
 */
public final class TestPostgres {
    public static final String URL_ENV = "ATRIUM_TEST_PG_URL";
    public static final String PORT_ENV = "ATRIUM_TEST_PG_PORT";
    private static final int DEFAULT_PORT = 5432;
    private static String url;

    private TestPostgres() {}

    /** The url of the tests' PostgreSQL, as the server's {@code store-url} takes it. */
    public static synchronized String url() {
        if (url == null) {
            url = resolve();
        }
        return url;
    }

    private static String resolve() {
        String chosen = choose(System.getenv(), TestPostgres::answers);
        if (chosen != null) {
            return chosen;
        }
        System.err.println("TestPostgres: nothing answers on 127.0.0.1:" + port(System.getenv()) + " and " + URL_ENV
                + " is unset: starting a PostgreSQL of the tests' own");
        return OwnPostgres.start().url();
    }

    /**
     * The url the environment names or the default server answers at, or null when the tests must
     * start their own.
     */
    static String choose(Map<String, String> env, IntPredicate answers) {
        String url = env.get(URL_ENV);
        if (url != null && !url.isBlank()) {
            return url.trim();
        }
        int port = port(env);
        return answers.test(port) ? "postgresql://postgres@127.0.0.1:" + port + "/test" : null;
    }

    private static int port(Map<String, String> env) {
        String p = env.get(PORT_ENV);
        if (p == null || p.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(p.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PORT_ENV + " must be a port number, got '" + p + "'", e);
        }
    }

    /** Whether something accepts TCP connections on the loopback port. */
    public static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

}
