package dev.atrium.bench.report;

/**
 * A server rate divided by a baseline rate of the same run: {@code value} 1.0 means the server
 * serves the operation as fast as the raw work it cannot avoid runs alone on this machine.
 */
public record Ratio(String scenario, String baseline, double value, String meaning) {}
