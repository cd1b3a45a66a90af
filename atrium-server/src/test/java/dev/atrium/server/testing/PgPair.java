package dev.atrium.server.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two PostgreSQL clusters of a test's own, made with Debian's binaries
 * ({@code /usr/lib/postgresql/<newest>/bin}) under {@code dir}, on free loopback ports: a primary
 * and a streaming standby ({@code pg_basebackup}), replicating synchronously
 * ({@code synchronous_standby_names}, {@code synchronous_commit = on}: a commit returns once the
 * standby has flushed it). Never the machine's shared cluster. As root, the clusters run as the
 * {@code postgres} user (PostgreSQL refuses root). Missing binaries fail the test: nothing is skipped.
 */
public final class PgPair implements AutoCloseable {
    public static final String STANDBY_NAME = "atrium_standby";
    private final Path bin;
    private final Path dir;
    public final int primaryPort;
    public final int standbyPort;
    private final boolean asRoot;

    private PgPair(Path bin, Path dir, int primaryPort, int standbyPort, boolean asRoot) {
        this.bin = bin;
        this.dir = dir;
        this.primaryPort = primaryPort;
        this.standbyPort = standbyPort;
        this.asRoot = asRoot;
    }

    /** Initialises and starts both, and waits until the standby streams synchronously. */
    public static PgPair start(Path dir) {
        PgPair pair = new PgPair(binaries(), dir, freePort(), freePort(), "root".equals(System.getProperty("user.name")));
        try {
            pair.init();
            return pair;
        } catch (RuntimeException e) {
            pair.close();
            throw e;
        }
    }

    /** The newest {@code /usr/lib/postgresql/N/bin} with initdb; fails (never skips) without one. */
    static Path binaries() {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new AssertionError("no PostgreSQL binaries under /usr/lib/postgresql/*/bin"));
        } catch (IOException e) {
            throw new AssertionError("this test needs Debian's PostgreSQL server binaries (apt-get install postgresql): "
                    + e.getMessage(), e);
        }
    }

    private void init() {
        if (asRoot) {
            run("chown", "postgres:postgres", dir.toString());
        }
        pg("initdb", "-D", primary().toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync");
        append(primary().resolve("postgresql.conf"), "listen_addresses = '127.0.0.1'", "port = " + primaryPort,
                "unix_socket_directories = '" + dir + "'", "max_connections = 60", "shared_buffers = 32MB",
                "wal_level = replica", "max_wal_senders = 4", "synchronous_commit = on",
                "synchronous_standby_names = '" + STANDBY_NAME + "'", "wal_sender_timeout = 5s");
        pgCtl(primary(), "start");
        pg("pg_basebackup", "-h", "127.0.0.1", "-p", Integer.toString(primaryPort), "-U", "postgres",
                "-D", standby().toString(), "-X", "stream", "--no-sync");
        // The standby starts from the primary's settings; once promoted it must not wait for a standby of its own.
        append(standby().resolve("postgresql.conf"), "port = " + standbyPort, "synchronous_standby_names = ''",
                "hot_standby = on", "primary_conninfo = 'host=127.0.0.1 port=" + primaryPort
                        + " user=postgres application_name=" + STANDBY_NAME + "'");
        write(standby().resolve("standby.signal"), "");
        pgCtl(standby(), "start");
        awaitSynchronousStandby();
    }

    /** The JDBC multi-host URL of both, primary first, for the primary only (as operators give Atrium). */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + ",127.0.0.1:" + standbyPort
                + "/postgres?user=postgres&targetServerType=primary&hostRecheckSeconds=1&connectTimeout=2";
    }

    /** A plain connection to one of the two (the standby answers reads only). */
    public Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres&connectTimeout=3");
    }

    /** The primary dies at once, as on a crash or a lost machine ({@code pg_ctl stop -m immediate}). */
    public void killPrimary() {
        pgCtl(primary(), "stop", "-m", "immediate");
    }

    /** The standby becomes the primary ({@code pg_ctl promote}), returning once it accepts writes. */
    public void promoteStandby() {
        pgCtl(standby(), "promote");
    }

    /** The promoted standby shuts down cleanly ({@code -m fast}): a database restarted for maintenance. */
    public void stopPromoted() {
        pgCtl(standby(), "stop", "-m", "fast");
    }

    /** The promoted standby starts again, returning once it accepts connections. */
    public void startPromoted() {
        pgCtl(standby(), "start");
    }

    /** Replay lag of the standby as the primary sees it (pg_stat_replication), in milliseconds; -1 when not streaming. */
    public double replayLagMillis() {
        try (Connection c = connect(primaryPort); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(extract(epoch FROM replay_lag) * 1000, 0) FROM pg_stat_replication"
                     + " WHERE application_name = '" + STANDBY_NAME + "'")) {
            return rs.next() ? rs.getDouble(1) : -1;
        } catch (SQLException e) {
            return -1;
        }
    }

    /** CPU time (user + system, ms) of the cluster on {@code port}: its postmaster and every process it started. */
    public long cpuMillis(int port) {
        Path data = port == primaryPort ? primary() : standby();
        try {
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            long ticks = 0;
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String stat = Files.readString(p.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long pid = Long.parseLong(p.getFileName().toString());
                        if (pid == postmaster || Long.parseLong(f[1]) == postmaster) {
                            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // exited meanwhile
                    }
                }
            }
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The primary's WAL position in bytes (pg_current_wal_lsn). */
    public long walBytes() {
        try (Connection c = connect(primaryPort); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitSynchronousStandby() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Connection c = connect(primaryPort); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT sync_state FROM pg_stat_replication WHERE application_name = '"
                         + STANDBY_NAME + "'")) {
                if (rs.next() && "sync".equals(rs.getString(1))) {
                    return;
                }
            } catch (SQLException notYet) {
                // starting
            }
            sleep(100);
        }
        throw new AssertionError("the standby did not stream synchronously within 30 s:\n" + logs());
    }

    private Path primary() {
        return dir.resolve("primary");
    }

    private Path standby() {
        return dir.resolve("standby");
    }

    private void pgCtl(Path data, String action, String... extra) {
        List<String> cmd = new ArrayList<>(List.of("pg_ctl", "-D", data.toString(), "-l", data + ".log", "-w", "-t", "60", action));
        cmd.addAll(List.of(extra));
        pg(cmd.toArray(String[]::new));
    }

    private void pg(String... cmd) {
        List<String> full = new ArrayList<>(List.of(cmd));
        full.set(0, bin.resolve(cmd[0]).toString());
        if (asRoot) {
            full.addAll(0, List.of("runuser", "-u", "postgres", "--"));
        }
        run(full.toArray(String[]::new));
    }

    private void append(Path file, String... lines) {
        try {
            Files.writeString(file, "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (asRoot) {
            run("chown", "postgres:postgres", file.toString());
        }
    }

    private String logs() {
        StringBuilder out = new StringBuilder();
        for (Path log : List.of(Path.of(primary() + ".log"), Path.of(standby() + ".log"))) {
            try {
                out.append("== ").append(log).append('\n').append(Files.readString(log));
            } catch (IOException e) {
                out.append("== ").append(log).append(": ").append(e.getMessage()).append('\n');
            }
        }
        return out.toString();
    }

    private static void run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", cmd) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
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

    /** Stops both (immediately: the test is over) and leaves {@code dir} to its owner. */
    @Override
    public void close() {
        for (Path data : List.of(primary(), standby())) {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                try {
                    pgCtl(data, "stop", "-m", "immediate");
                } catch (AssertionError ignored) {
                    // already stopped
                }
            }
        }
    }
}
