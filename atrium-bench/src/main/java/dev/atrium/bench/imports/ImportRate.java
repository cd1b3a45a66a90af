package dev.atrium.bench.imports;

import dev.atrium.bench.server.ProcStats;
import dev.atrium.store.jdbc.ScratchStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The import's rate and memory: {@code users} users of a generated export ({@link GeneratedExport})
 * into a fresh {@link ScratchStore} of the server's kind (a SQLite file in a new directory, or a new
 * PostgreSQL schema), by {@code java -jar atrium-server.jar import app-services} in a process of its
 * own with the given JVM options, as an operator would run it. Timed from spawning the process to
 * its exit (the JVM's start included); peak memory is its VmHWM, read from /proc while it runs;
 * writing the export is not timed. The store and the files are deleted afterwards.
 */
public final class ImportRate {
    private static final Pattern FILE_LINE = Pattern.compile("users\\.json: (\\d+) records: (\\d+) new, (\\d+) updated, "
            + "(\\d+) left out.* in ([0-9.]+) s");

    /**
     * @param seconds process start to exit; {@code usersSeconds} the import's own time for the users file
     * @param peakRssMb the process's VmHWM; {@code cpuSeconds} its user + system CPU
     * @param postgresCpuSeconds CPU of every {@code postgres} process meanwhile (every cluster on the
     *     machine: another user of one inflates it); 0 on SQLite
     * @param loadBefore, loadAfter the machine's 1-minute load average around the run (other work on the cores)
     */
    public record Result(String store, long users, long created, double seconds, double usersSeconds, double usersPerSecond,
                         double peakRssMb, double cpuSeconds, double postgresCpuSeconds, double loadBefore, double loadAfter,
                         List<String> jvmOptions) {}

    private ImportRate() {}

    public static Result measure(Path serverJar, String serverStoreUrl, int users, List<String> jvmOptions) {
        Path dir = null;
        ScratchStore store = null;
        try {
            dir = Files.createTempDirectory(tempParent(serverStoreUrl), "atrium-bench-import-");
            Path file = GeneratedExport.write(dir, users);
            store = serverStoreUrl.startsWith("sqlite:") ? ScratchStore.createSqlite(dir.resolve("store"))
                    : ScratchStore.createPostgres(dir.resolve("store"), serverStoreUrl);
            store.migrate();
            return run(serverJar, store, dir.resolve("export"), file, users, jvmOptions);
        } catch (IOException e) {
            throw new IllegalStateException("import measurement failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import measurement interrupted", e);
        } finally {
            if (store != null) {
                store.delete();
            }
            delete(dir);
        }
    }

    private static Result run(Path jar, ScratchStore store, Path export, Path file, int users, List<String> jvmOptions)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", jar.toString(), "import", "app-services", export.toString(), "--users", file.toString(),
                "--data-dir", store.dir().toString(), "--store", store.storeUrl()));
        if (store.schema() != null) {
            cmd.addAll(List.of("--store-schema", store.schema()));
        }
        Path log = store.dir().resolve("import.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(store.dir().toFile());
        pb.environment().keySet().removeIf(name -> name.startsWith("ATRIUM_"));
        double loadBefore = loadAverage();
        // PostgreSQL's backends of the import exit with it: their CPU is read while they run.
        java.util.Map<Long, Long> postgresBefore = postgres(store);
        java.util.Map<Long, Long> postgresLast = new java.util.HashMap<>(postgresBefore);
        long t0 = System.nanoTime();
        Process p = pb.start();
        long peakKb = 0;
        long cpuMs = 0;
        for (int tick = 0; !p.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS); tick++) {
            peakKb = Math.max(peakKb, ProcStats.peakRssKb(p.pid()));
            cpuMs = Math.max(cpuMs, ProcStats.cpuMillis(p.pid()));
            if (tick % 10 == 0) { // once a second: a walk of /proc is not free on a busy box
                postgresLast.putAll(postgres(store));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long postgresMs = postgresLast.entrySet().stream()
                .mapToLong(e -> e.getValue() - postgresBefore.getOrDefault(e.getKey(), 0L)).sum();
        double loadAfter = loadAverage();
        String output = Files.readString(log);
        Matcher m = FILE_LINE.matcher(output);
        if (p.exitValue() != 0 || !m.find()) {
            throw new IllegalStateException("the import exited with " + p.exitValue() + ":\n" + output);
        }
        long created = Long.parseLong(m.group(2));
        double usersSeconds = Double.parseDouble(m.group(5));
        String kind = store.schema() == null ? "sqlite" : "postgresql";
        return new Result(kind, users, created, seconds, usersSeconds, users / usersSeconds, peakKb / 1024.0, cpuMs / 1000.0,
                Math.max(0, postgresMs) / 1000.0, loadBefore, loadAfter, List.copyOf(jvmOptions));
    }

    private static java.util.Map<Long, Long> postgres(ScratchStore store) {
        return store.schema() == null ? java.util.Map.of() : ProcStats.cpuMillisByPidOfCommand("postgres");
    }

    /** Beside the server's SQLite file (same file system), else the system's temporary directory. */
    private static Path tempParent(String storeUrl) {
        if (storeUrl.startsWith("sqlite:")) {
            Path parent = Path.of(storeUrl.substring("sqlite:".length())).toAbsolutePath().getParent();
            if (parent != null && Files.isDirectory(parent.getParent())) {
                return parent.getParent();
            }
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            System.err.println("atrium-bench: could not delete " + dir + ": " + e.getMessage());
        }
    }

    /** One line for the text report. */
    public static String describe(Result r) {
        return String.format(Locale.ROOT, "import (%s, %,d users): %.1f s from process start to exit, users file in %.1f s: "
                        + "%,.0f users/s; peak RSS %.0f MB, CPU %.1f s%s; load average %.2f before, %.2f after; JVM %s",
                r.store(), r.users(), r.seconds(), r.usersSeconds(), r.usersPerSecond(), r.peakRssMb(), r.cpuSeconds(),
                r.store().equals("sqlite") ? "" : String.format(Locale.ROOT, " (postgres processes %.1f s)", r.postgresCpuSeconds()),
                r.loadBefore(), r.loadAfter(), r.jvmOptions().isEmpty() ? "defaults" : String.join(" ", r.jvmOptions()));
    }
}
