package dev.atrium.bench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Linux /proc readings; every reader returns -1 where /proc is absent or the process is gone. */
public final class ProcStats {
    /** Clock ticks per second of /proc CPU times: USER_HZ, 100 on every Linux build that matters. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcStats() {}

    /** CPU time (user + system) of process {@code pid} in milliseconds. */
    public static long cpuMillis(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        if (stat == null) {
            return -1;
        }
        // The command name (field 2) may hold spaces; fields are counted from the last ')'.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /**
     * CPU time in milliseconds of every process whose command name is {@code comm} (e.g. the
     * PostgreSQL backends, "postgres"), summed; processes that exited meanwhile are not counted.
     */
    public static long cpuMillisOfCommand(String comm) {
        long sum = 0;
        try (var dirs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path dir : dirs) {
                String stat = read(dir.resolve("stat"));
                if (stat != null && stat.contains("(" + comm + ")")) {
                    sum += Math.max(0, cpuMillis(Long.parseLong(dir.getFileName().toString())));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return sum;
    }

    /** CPU time in milliseconds of each process whose command name is {@code comm}, by pid (empty where /proc is absent). */
    public static java.util.Map<Long, Long> cpuMillisByPidOfCommand(String comm) {
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        try (var dirs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path dir : dirs) {
                String stat = read(dir.resolve("stat"));
                if (stat != null && stat.contains("(" + comm + ")")) {
                    long pid = Long.parseLong(dir.getFileName().toString());
                    out.put(pid, Math.max(0, cpuMillis(pid)));
                }
            }
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    /** Resident set size (VmRSS) of process {@code pid} in kB. */
    public static long rssKb(long pid) {
        String status = read(Path.of("/proc", Long.toString(pid), "status"));
        if (status == null) {
            return -1;
        }
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** Peak resident set size (VmHWM) of process {@code pid} in kB. */
    public static long peakRssKb(long pid) {
        String status = read(Path.of("/proc", Long.toString(pid), "status"));
        if (status == null) {
            return -1;
        }
        for (String line : status.split("\n")) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** {busy, total} CPU time of the whole machine since boot in milliseconds (all cores), from /proc/stat. */
    public static long[] machineMillis() {
        String stat = read(Path.of("/proc/stat"));
        if (stat == null) {
            return new long[] {-1, -1};
        }
        String[] f = stat.substring(0, stat.indexOf('\n')).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new long[] {(total - idle) * 1000 / TICKS_PER_SECOND, total * 1000 / TICKS_PER_SECOND};
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
