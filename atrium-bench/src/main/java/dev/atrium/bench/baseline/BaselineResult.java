package dev.atrium.bench.baseline;

/**
 * One baseline: how fast the raw work ran with {@code threads} workers (and, for the store,
 * {@code connections} connections). Latencies in milliseconds, including the wait for a connection.
 *
 * @param cpuMsPerOp this process's CPU per operation (the JDBC driver's side, or the signing)
 * @param postgresCpuMsPerOp PostgreSQL's CPU per operation; null when none ran
 * @param otherCores cores used by unrelated processes in the window (noise)
 */
public record BaselineResult(String name, String description, int threads, int connections, long count,
                             double perSecond, double p50Ms, double p99Ms, double p999Ms,
                             double cpuMsPerOp, Double postgresCpuMsPerOp, double otherCores) {

    /** The rate per worker thread: for CPU-bound work with one thread, the rate per core. */
    public double perThread() {
        return perSecond / threads;
    }
}
