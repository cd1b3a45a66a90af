package dev.atrium.bench.load;

import dev.atrium.bench.http.HttpConnection;
import dev.atrium.bench.server.ResourceProbe;
import dev.atrium.bench.server.ResourceUse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Time to peak: guest logins fired at once by every client against a server that has served
 * nothing yet (no warm-up), counted per second of completion, to see how long the JIT and the
 * server's first uses take to reach full speed. The peak is the mean rate of the run's last
 * {@link #PEAK_WINDOW_SECONDS} seconds (its last half when shorter), by when the rate has long
 * been steady; the time to 90 % is the first second whose rate reached 90 % of that.
 */
public final class RampUp {
    /** The steady window at the end of the run that stands for the peak. */
    static final int PEAK_WINDOW_SECONDS = 10;

    private RampUp() {}

    /**
     * @param perSecond completed logins in each second of the run, from the moment the clients start
     * @param peakPerSecond mean of seconds {@code peakFrom} to the end (1-based, inclusive)
     * @param secondsTo90 the first second (1-based) whose rate reached 90 % of the peak; null if none did
     * @param errors failed logins by kind, with {@code errorSamples} one answer each
     * @param resources CPU and memory over the whole run (its "other" says how noisy it was)
     */
    public record Result(int concurrency, List<Long> perSecond, int peakFrom, double peakPerSecond, Integer secondsTo90,
                         Map<String, Long> errors, Map<String, String> errorSamples, ResourceUse resources) {
        public long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Runs logins for {@code seconds} seconds (at least 2) at {@code settings}' concurrency; its warm-up is ignored. */
    public static Result run(LoadSettings settings, int seconds) {
        if (seconds < 2) {
            throw new IllegalArgumentException("a time-to-peak run needs at least 2 s, not " + seconds);
        }
        Supplier<HttpConnection> connections = settings.client().factory(settings.base());
        AtomicLongArray counts = new AtomicLongArray(seconds);
        ConcurrentHashMap<String, LongAdder> errors = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, String> samples = new ConcurrentHashMap<>();
        List<AtriumApi> clients = new ArrayList<>();
        ResourceProbe probe = ResourceProbe.start(settings.serverPid());
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < settings.concurrency(); i++) {
                threads.submit(() -> {
                    AtriumApi api = new AtriumApi(connections.get(), settings.appId());
                    synchronized (clients) {
                        clients.add(api);
                    }
                    for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                        try {
                            api.loginAndForget();
                            long done = System.nanoTime();
                            if (done < end) {
                                counts.incrementAndGet((int) ((done - start) / 1_000_000_000L));
                            }
                        } catch (FailedCall e) {
                            errors.computeIfAbsent(e.key, k -> new LongAdder()).increment();
                            samples.putIfAbsent(e.key, e.getMessage());
                        }
                    }
                });
            }
        } finally {
            clients.forEach(AtriumApi::close);
        }
        ResourceProbe.Window window = probe.stop();
        List<Long> perSecond = new ArrayList<>();
        for (int i = 0; i < seconds; i++) {
            perSecond.add(counts.get(i));
        }
        int peakFrom = seconds - Math.min(PEAK_WINDOW_SECONDS, seconds / 2) + 1;
        double peak = perSecond.subList(peakFrom - 1, seconds).stream().mapToLong(Long::longValue).average().orElse(0);
        Integer to90 = null;
        for (int i = 0; i < seconds && to90 == null; i++) {
            if (peak > 0 && perSecond.get(i) >= 0.9 * peak) {
                to90 = i + 1;
            }
        }
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((k, v) -> errorCounts.put(k, v.sum()));
        long total = perSecond.stream().mapToLong(Long::longValue).sum();
        return new Result(settings.concurrency(), List.copyOf(perSecond), peakFrom, peak, to90, errorCounts,
                new TreeMap<>(samples), window.per(total));
    }
}
