package dev.atrium.bench.load;

import org.HdrHistogram.Histogram;

/** Throughput and latency of one operation in a measured window (latencies in milliseconds). */
public record OperationResult(String operation, long count, double perSecond,
                              double p50Ms, double p99Ms, double p999Ms, double maxMs, double meanMs) {

    static OperationResult of(Operation op, Histogram micros, double seconds) {
        return new OperationResult(op.label(), micros.getTotalCount(), micros.getTotalCount() / seconds,
                ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(99)),
                ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()), micros.getMean() / 1000.0);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
