package dev.atrium.bench.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import dev.atrium.bench.server.ResourceProbe;
import dev.atrium.bench.server.ResourceUse;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Runs a task in a closed loop on {@code threads} platform threads (raw work needs no virtual
 * threads, and JNI would pin them anyway) for a warm-up and a measured window, like the load.
 * A baseline that fails is a broken setup, not a measurement: the first failure aborts it.
 */
final class BaselineLoop {
    /** One iteration of the raw work on worker {@code worker}. */
    interface Task {
        void run(int worker) throws Exception;
    }

    private BaselineLoop() {}

    static BaselineResult run(String name, String description, int threads, int connections, Timing timing, Task task) {
        long windowStart = System.nanoTime() + timing.warmup().toNanos();
        long windowEnd = windowStart + timing.duration().toNanos();
        Recorder latencies = new Recorder(3);
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int worker = i;
            workers.add(Thread.ofPlatform().name("baseline-" + name + "-" + i).start(() -> {
                while (failure.get() == null && System.nanoTime() < windowEnd) {
                    long start = System.nanoTime();
                    try {
                        task.run(worker);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                        return;
                    }
                    long end = System.nanoTime();
                    if (start >= windowStart && end <= windowEnd) {
                        latencies.recordValue(Math.max(1, (end - start) / 1_000));
                    }
                }
            }));
        }
        ResourceProbe.Window window = bracket(windowStart, windowEnd);
        for (Thread t : workers) {
            try {
                t.join(TimeUnit.NANOSECONDS.toMillis(windowEnd - System.nanoTime()) + 60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("baseline " + name + " failed: " + failure.get(), failure.get());
        }
        Histogram h = latencies.getIntervalHistogram();
        double seconds = timing.duration().toNanos() / 1e9;
        ResourceUse use = window.per(h.getTotalCount());
        return new BaselineResult(name, description, threads, connections, h.getTotalCount(), h.getTotalCount() / seconds,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0, use.benchCpuMsPerOp(), use.postgresCpuMsPerOp(), use.otherCores());
    }

    /** CPU of this process, PostgreSQL and everything else over exactly the measured window. */
    private static ResourceProbe.Window bracket(long windowStart, long windowEnd) {
        try {
            TimeUnit.NANOSECONDS.sleep(windowStart - System.nanoTime());
            ResourceProbe probe = ResourceProbe.start(null);
            TimeUnit.NANOSECONDS.sleep(windowEnd - System.nanoTime());
            return probe.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
