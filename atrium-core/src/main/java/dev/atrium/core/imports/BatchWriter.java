package dev.atrium.core.imports;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Writes a file's batches while the next ones are read, on as many threads as the store writes
 * well at once ({@link ImportStore#concurrentBatches}): the parsing and the store's work (SQLite's in
 * this process, PostgreSQL's in its server) then use every core. What the store answers, and the
 * problems of records left out before any batch, reach the listener from one thread, in file order.
 * A failure of the store (it went away) stops the reading at the next batch and is thrown from
 * {@link #finish}; every batch is written whole or not at all.
 */
final class BatchWriter {
    private sealed interface Item permits Batch, Problem, End {}

    private record Batch(CompletableFuture<List<ImportOutcome>> outcomes, List<UserRecords.Position> where, long records)
            implements Item {}

    private record Problem(ImportProblem problem) implements Item {}

    private record End() implements Item {}

    private final ImportStore store;
    private final String appId;
    private final ImportMode mode;
    private final String file;
    private final ImportListener listener;
    private final ExecutorService writers;
    /** Batches being written or waiting to be, at most: a few batches in memory whatever the file's size. */
    private final Semaphore inFlight;
    private final BlockingQueue<Item> queue;
    private final Thread reporter;
    private volatile RuntimeException failure;
    private long created;
    private long updated;
    private long refused;

    BatchWriter(ImportStore store, String appId, ImportMode mode, String file, ImportListener listener) {
        this.store = store;
        this.appId = appId;
        this.mode = mode;
        this.file = file;
        this.listener = listener;
        int n = Math.max(1, store.concurrentBatches());
        this.writers = Executors.newFixedThreadPool(n, Thread.ofPlatform().name("atrium-import-writer-", 0).factory());
        this.inFlight = new Semaphore(n + 1);
        this.queue = new ArrayBlockingQueue<>(n + 4);
        this.reporter = Thread.ofPlatform().name("atrium-import-report").start(this::report);
    }

    void write(List<ImportedUser> users, List<UserRecords.Position> where, long records) {
        throwIfFailed();
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        }
        CompletableFuture<List<ImportOutcome>> outcomes = CompletableFuture.supplyAsync(
                () -> store.importUsers(appId, users, mode), writers).whenComplete((r, e) -> inFlight.release());
        put(new Batch(outcomes, where, records));
    }

    /** A record left out before it reached a batch. */
    void refuse(UserRecords.Position r, String why) {
        put(new Problem(new ImportProblem(file, r.line(), r.column(), r.index(), why)));
    }

    /** A problem of the file itself (malformed JSON); nothing is counted. */
    void problem(ImportProblem p) {
        put(new Problem(p));
    }

    /** Waits for everything queued to be written and reported; rethrows the store's failure, if any. */
    void finish() {
        stop();
        throwIfFailed();
    }

    /** Ends the threads once what is queued is written and reported (or skipped, after a failure); idempotent. */
    void stop() {
        if (reporter.isAlive()) {
            try {
                queue.put(new End());
                reporter.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reporter.interrupt();
            }
        }
        writers.shutdown();
    }

    long created() {
        return created;
    }

    long updated() {
        return updated;
    }

    long refused() {
        return refused;
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw failure;
        }
    }

    private void put(Item item) {
        throwIfFailed();
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        }
    }

    private void report() {
        try {
            for (Item item = queue.take(); !(item instanceof End); item = queue.take()) {
                if (failure == null) {
                    report(item);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void report(Item item) {
        try {
            switch (item) {
                case Problem p -> {
                    if (p.problem().record() > 0) {
                        refused++;
                    }
                    listener.problem(p.problem());
                }
                case Batch b -> {
                    List<ImportOutcome> outcomes = b.outcomes().join();
                    for (int k = 0; k < outcomes.size(); k++) {
                        switch (outcomes.get(k).kind()) {
                            case NEW -> created++;
                            case UPDATED -> updated++;
                            case REFUSED -> {
                                refused++;
                                UserRecords.Position r = b.where().get(k);
                                listener.problem(new ImportProblem(file, r.line(), r.column(), r.index(),
                                        outcomes.get(k).reason()));
                            }
                        }
                    }
                    listener.progress(file, b.records());
                }
                case End e -> { }
            }
        } catch (CompletionException e) {
            failure = e.getCause() instanceof RuntimeException r ? r : e;
        } catch (RuntimeException e) {
            failure = e;
        }
    }
}
