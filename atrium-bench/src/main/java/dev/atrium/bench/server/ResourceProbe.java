package dev.atrium.bench.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Brackets a measured window: CPU of the server (when its pid is known), of this process and of
 * the machine at the start and end, and the server's VmRSS sampled every 100 ms in between.
 */
public final class ResourceProbe {
    private static final long SAMPLE_MS = 100;
    private static final long SELF = ProcessHandle.current().pid();

    private final Long serverPid;
    private final long startWall = System.nanoTime();
    private final long startServerCpu;
    private final long startSelfCpu;
    private final long startPostgresCpu;
    private final long[] startMachine;
    private final AtomicLong maxRssKb = new AtomicLong(-1);
    private final Thread sampler;

    private ResourceProbe(Long serverPid) {
        this.serverPid = serverPid;
        this.startServerCpu = serverPid == null ? -1 : ProcStats.cpuMillis(serverPid);
        this.startSelfCpu = ProcStats.cpuMillis(SELF);
        this.startPostgresCpu = ProcStats.cpuMillisOfCommand("postgres");
        this.startMachine = ProcStats.machineMillis();
        this.sampler = serverPid == null ? null : Thread.ofPlatform().daemon().name("bench-rss").start(this::sample);
    }

    /** Starts a window; {@code serverPid} may be null (a remote or in-process server). */
    public static ResourceProbe start(Long serverPid) {
        return new ResourceProbe(serverPid);
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            long rss = ProcStats.rssKb(serverPid);
            maxRssKb.accumulateAndGet(rss, Math::max);
            try {
                Thread.sleep(SAMPLE_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Ends the window; per-request figures follow once the requests are counted. */
    public Window stop() {
        double wallMs = (System.nanoTime() - startWall) / 1e6;
        if (sampler != null) {
            sampler.interrupt();
            maxRssKb.accumulateAndGet(ProcStats.rssKb(serverPid), Math::max);
        }
        long serverCpu = serverPid != null && startServerCpu >= 0 ? ProcStats.cpuMillis(serverPid) - startServerCpu : -1;
        long selfCpu = ProcStats.cpuMillis(SELF) - startSelfCpu;
        long postgresCpu = ProcStats.cpuMillisOfCommand("postgres") - startPostgresCpu;
        long[] end = ProcStats.machineMillis();
        long busy = end[0] - startMachine[0];
        double busyPercent = end[1] > startMachine[1] ? 100.0 * busy / (end[1] - startMachine[1]) : -1;
        // PostgreSQL backends of other sessions that exit meanwhile take their CPU time with them: clamp.
        long other = busy - Math.max(0, serverCpu) - selfCpu - Math.max(0, postgresCpu);
        return new Window(wallMs, serverCpu, selfCpu, postgresCpu, other, busyPercent, maxRssKb.get());
    }

    /** A closed window's raw figures in milliseconds of CPU (-1: unknown). */
    public record Window(double wallMs, long serverCpuMs, long selfCpuMs, long postgresCpuMs, long otherCpuMs,
                         double machineBusyPercent, long serverRssMaxKb) {

        /** The figures per request, {@code operations} having completed in the window. */
        public ResourceUse per(long operations) {
            long ops = Math.max(1, operations);
            return new ResourceUse(
                    serverCpuMs < 0 ? null : (double) serverCpuMs / ops,
                    serverCpuMs < 0 ? null : serverCpuMs / wallMs,
                    (double) selfCpuMs / ops,
                    selfCpuMs / wallMs,
                    postgresCpuMs <= 0 ? null : (double) postgresCpuMs / ops,
                    Math.max(0, otherCpuMs) / wallMs,
                    machineBusyPercent,
                    serverRssMaxKb > 0 ? serverRssMaxKb / 1024.0 : null);
        }
    }
}
