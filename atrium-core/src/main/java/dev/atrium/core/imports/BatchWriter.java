package dev.atrium.core.imports;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes a file's batches on a thread of its own while the next is read, so the parsing and the
 * store's work (on SQLite in this process, on PostgreSQL in the server) use two cores. Problems go
 * through the same queue, so the listener hears everything from one thread, in file order. A
 * failure of the store (it went away) stops the reading at the next batch and is thrown from
 * {@link #finish}; the batches before it stay written.
 */
final class BatchWriter {
    /** Items (batches or problems) read ahead at most: a few batches in memory whatever the file's size. */
    private static final int AHEAD = 4;

    private sealed interface Item permits Batch, Problem, End {}

    private record Batch(List<ImportedUser> users, List<UserRecords.Record> where, long records) implements Item {}

    private record Problem(ImportProblem problem) implements Item {}

    private record End() implements Item {}

    private final ImportStore store;
    private final String appId;
    private final ImportMode mode;
    private final String file;
    private final ImportListener listener;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread thread;
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
        this.thread = Thread.ofPlatform().name("atrium-import-writer").start(this::drain);
    }

    void write(List<ImportedUser> users, List<UserRecords.Record> where, long records) {
        put(new Batch(users, where, records));
    }

    /** A record left out before it reached a batch. */
    void refuse(UserRecords.Record r, String why) {
        put(new Problem(new ImportProblem(file, r.line(), r.column(), r.index(), why)));
    }

    /** A problem of the file itself (malformed JSON); nothing is counted. */
    void problem(ImportProblem p) {
        put(new Problem(p));
    }

    /** Waits for everything queued to be written; rethrows the store's failure, if any. */
    void finish() {
        stop();
        if (failure != null) {
            throw failure;
        }
    }

    /** Ends the writing thread once it has done what is queued (or skipped it, after a failure); idempotent. */
    void stop() {
        if (!thread.isAlive()) {
            return;
        }
        try {
            queue.put(new End());
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
        }
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

    private void put(Item item) {
        if (failure != null) {
            throw failure;
        }
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        }
    }

    private void drain() {
        try {
            for (Item item = queue.take(); !(item instanceof End); item = queue.take()) {
                if (failure == null) {
                    handle(item);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(Item item) {
        try {
            switch (item) {
                case Problem p -> {
                    if (p.problem().record() > 0) {
                        refused++;
                    }
                    listener.problem(p.problem());
                }
                case Batch b -> {
                    List<ImportOutcome> outcomes = store.importUsers(appId, b.users(), mode);
                    for (int k = 0; k < outcomes.size(); k++) {
                        switch (outcomes.get(k).kind()) {
                            case NEW -> created++;
                            case UPDATED -> updated++;
                            case REFUSED -> {
                                refused++;
                                UserRecords.Record r = b.where().get(k);
                                listener.problem(new ImportProblem(file, r.line(), r.column(), r.index(),
                                        outcomes.get(k).reason()));
                            }
                        }
                    }
                    listener.progress(file, b.records());
                }
                case End e -> { }
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }
}
