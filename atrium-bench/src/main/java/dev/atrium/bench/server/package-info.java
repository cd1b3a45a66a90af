/**
 * The server under test as a process: launching one (start-up time to ready, its pid) and reading
 * what it costs from /proc (CPU time, resident memory) while the load runs, beside the load
 * generator's own CPU and the whole machine's, since all three share the same cores.
 */
package dev.atrium.bench.server;
