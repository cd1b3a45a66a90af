package dev.atrium.bench.load;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Where the clients' timings go. Only requests that start and end inside the measured window
 * count; warm-up failures are counted apart, so a test can still demand zero failures overall.
 * Latencies are recorded in microseconds into one thread-safe HDR recorder per operation.
 */
final class Recording {
    /** A timed call; returns what the next call needs, or null. */
    interface Call<T> {
        T run() throws FailedCall;
    }

    private final Map<Operation, Recorder> latencies = new EnumMap<>(Operation.class);
    private final ConcurrentHashMap<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> errorSamples = new ConcurrentHashMap<>();
    private final LongAdder warmupErrors = new LongAdder();
    private final long windowStart;
    private final long windowEnd;

    Recording(long windowStartNanos, long windowEndNanos) {
        for (Operation op : Operation.values()) {
            latencies.put(op, new Recorder(3));
        }
        this.windowStart = windowStartNanos;
        this.windowEnd = windowEndNanos;
    }

    /** Whether clients should start another request. */
    boolean running() {
        return System.nanoTime() < windowEnd;
    }

    /** Runs {@code call}, recording its latency or its failure; returns its result, or null if it failed. */
    <T> T time(Operation op, Call<T> call) {
        long start = System.nanoTime();
        try {
            T result = call.run();
            long end = System.nanoTime();
            if (start >= windowStart && end <= windowEnd) {
                latencies.get(op).recordValue(Math.max(1, (end - start) / 1_000));
            }
            return result;
        } catch (FailedCall e) {
            if (start >= windowStart && start < windowEnd) {
                errors.computeIfAbsent(e.key, k -> new LongAdder()).increment();
                errorSamples.putIfAbsent(e.key, truncate(e.getMessage()));
            } else {
                warmupErrors.increment();
                errorSamples.putIfAbsent("warm-up: " + e.key, truncate(e.getMessage()));
            }
            return null;
        }
    }

    /** The histograms of the window, per operation that ran. */
    Map<Operation, Histogram> histograms() {
        Map<Operation, Histogram> out = new EnumMap<>(Operation.class);
        latencies.forEach((op, rec) -> {
            Histogram h = rec.getIntervalHistogram();
            if (h.getTotalCount() > 0) {
                out.put(op, h);
            }
        });
        return out;
    }

    Map<String, Long> errors() {
        Map<String, Long> out = new TreeMap<>();
        errors.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    Map<String, String> errorSamples() {
        return new TreeMap<>(errorSamples);
    }

    long warmupErrors() {
        return warmupErrors.sum();
    }

    private static String truncate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
