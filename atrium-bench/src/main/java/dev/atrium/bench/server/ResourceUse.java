package dev.atrium.bench.server;

/**
 * What a measured window cost. Per-operation figures divide CPU time by completed requests, so
 * "server CPU per login" includes everything the server process did meanwhile (GC, JIT, pool).
 *
 * @param serverCpuMsPerOp server process CPU per request, or null when its pid is unknown
 * @param serverCpuCores average cores the server process used, or null
 * @param benchCpuMsPerOp the load generator's own CPU per request (it shares the cores)
 * @param machineBusyPercent all cores, all processes (database included), busy share of the window
 * @param serverRssMaxMb largest VmRSS of the server sampled in the window, or null
 */
public record ResourceUse(Double serverCpuMsPerOp, Double serverCpuCores, double benchCpuMsPerOp,
                          double machineBusyPercent, Double serverRssMaxMb) {}
