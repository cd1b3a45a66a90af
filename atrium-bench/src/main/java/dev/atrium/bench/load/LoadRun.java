package dev.atrium.bench.load;

import dev.atrium.bench.http.HttpConnection;
import dev.atrium.bench.server.ResourceProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * Runs one scenario: N clients, each a virtual thread with its own connection, first prepare
 * (log in the guest they reuse), then loop through the warm-up and the measured window. The
 * resource probe brackets the window exactly, so CPU per request matches the counted requests.
 */
public final class LoadRun {
    private LoadRun() {}

    public static LoadResult run(Scenario scenario, LoadSettings settings) {
        Function<String, HttpConnection> connections = settings.client().connections(settings.base());
        List<AtriumApi> clients = new ArrayList<>();
        List<List<Guest>> guests = new ArrayList<>();
        for (int i = 0; i < settings.concurrency(); i++) {
            clients.add(new AtriumApi(connections.apply(settings.networks().forwardedFor(i)), settings.appId()));
            guests.add(Scenario.newGuestList());
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            prepare(scenario, clients, guests, threads);
            long start = System.nanoTime();
            long windowStart = start + settings.warmup().toNanos();
            long windowEnd = windowStart + settings.duration().toNanos();
            Recording rec = new Recording(windowStart, windowEnd);
            for (int i = 0; i < clients.size(); i++) {
                AtriumApi api = clients.get(i);
                List<Guest> own = guests.get(i);
                SplittableRandom random = new SplittableRandom(0x5EED + i);
                threads.submit(() -> {
                    while (rec.running()) {
                        scenario.step(api, own, random, rec);
                    }
                });
            }
            sleepUntil(windowStart);
            ResourceProbe probe = ResourceProbe.start(settings.serverPid());
            sleepUntil(windowEnd);
            ResourceProbe.Window window = probe.stop();
            threads.shutdown();
            awaitQuietly(threads);
            return result(scenario, settings, rec, window);
        } finally {
            clients.forEach(AtriumApi::close);
        }
    }

    /** Every client prepares at once; one failure fails the scenario with the server's answer. */
    private static void prepare(Scenario scenario, List<AtriumApi> clients, List<List<Guest>> guests,
                                ExecutorService threads) {
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            AtriumApi api = clients.get(i);
            List<Guest> own = guests.get(i);
            done.add(threads.submit(() -> {
                scenario.prepare(api, own);
                return null;
            }));
        }
        for (Future<?> f : done) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot prepare " + scenario.label() + ": " + e.getCause(),
                        e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while preparing " + scenario.label(), e);
            }
        }
    }

    private static LoadResult result(Scenario scenario, LoadSettings settings, Recording rec, ResourceProbe.Window window) {
        double seconds = settings.duration().toNanos() / 1e9;
        List<OperationResult> ops = new ArrayList<>();
        long total = 0;
        for (Map.Entry<Operation, Histogram> e : rec.histograms().entrySet()) {
            ops.add(OperationResult.of(e.getKey(), e.getValue(), seconds));
            total += e.getValue().getTotalCount();
        }
        return new LoadResult(scenario.label(), settings.concurrency(), seconds, total, total / seconds, List.copyOf(ops),
                rec.errors(), rec.warmupErrors(), rec.errorSamples(), window.per(total));
    }

    private static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static void awaitQuietly(ExecutorService threads) {
        try {
            if (!threads.awaitTermination(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("clients still running 60 s after the window closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
