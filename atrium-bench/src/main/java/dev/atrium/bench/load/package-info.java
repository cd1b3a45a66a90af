/**
 * The load: N simulated clients (virtual threads, one keep-alive connection each) run a scenario
 * in a closed loop for a warm-up and then a measured window; latencies go to HDR histograms per
 * operation. A closed loop measures throughput at a given concurrency; its latencies are those of
 * clients that wait for each answer (no coordinated-omission correction is applied or needed).
 */
package dev.atrium.bench.load;
