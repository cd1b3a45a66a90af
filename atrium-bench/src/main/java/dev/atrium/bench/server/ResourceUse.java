package dev.atrium.bench.server;

/**
 * What a measured window cost, split by who spent it, since server, database, load generator and
 * anything else on the machine share the same cores. Per-request figures divide CPU time by the
 * requests completed in the window, so they include GC, JIT and pool housekeeping.
 *
 * @param serverCpuMsPerOp server process CPU per request; null when its pid is unknown (in-process)
 * @param serverCores average cores the server used; null when unknown
 * @param benchCpuMsPerOp this load generator's CPU per request
 * @param benchCores average cores this load generator used
 * @param postgresCpuMsPerOp PostgreSQL processes' CPU per request; null when none ran
 * @param otherCores cores used by everything else (other users' builds: noise in this window)
 * @param machineBusyPercent all cores busy share of the window
 * @param serverRssMaxMb largest VmRSS of the server sampled in the window; null when unknown
 */
public record ResourceUse(Double serverCpuMsPerOp, Double serverCores, double benchCpuMsPerOp, double benchCores,
                          Double postgresCpuMsPerOp, double otherCores, double machineBusyPercent, Double serverRssMaxMb) {}
