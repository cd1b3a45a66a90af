package dev.atrium.server.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts this machine's PostgreSQL cluster with {@code pg_ctlcluster} (Debian), for
 * fault tests. Tests must call {@link #start()} in a finally block: the cluster is shared.
 */
public final class PgCluster {
    private PgCluster() {}

    public static void stop() {
        run("stop", "-m", "fast");
    }

    public static void start() {
        run("start");
    }

    private static void run(String action, String... extra) {
        String version = version();
        List<String> cmd = new java.util.ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action));
        cmd.addAll(List.of(extra));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                if (action.equals("start") && out.contains("already running")) {
                    return;
                }
                throw new AssertionError(String.join(" ", cmd) + " failed (this test needs root and Debian's pg_ctlcluster): " + out);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run pg_ctlcluster: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String version() {
        try (var dirs = Files.list(Path.of("/etc/postgresql"))) {
            return dirs.map(d -> d.getFileName().toString()).sorted().reduce((x, y) -> y)
                    .orElseThrow(() -> new AssertionError("no cluster under /etc/postgresql"));
        } catch (IOException e) {
            throw new AssertionError("this test needs Debian's PostgreSQL layout (/etc/postgresql): " + e.getMessage(), e);
        }
    }
}
