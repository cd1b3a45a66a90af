package dev.atrium.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * SQLite WAL checkpoints off the commit path. By default the commit that crosses 1,000 WAL pages
 * runs the checkpoint, and its fsyncs (10–30 ms here) land on that one request; measured on this
 * machine (docs/performance.md), moving them to a background PASSIVE checkpoint every 500 ms lifts the raw
 * insert rate by 44 %. PASSIVE never blocks the writer or readers; it copies what it can.
 */
final class Checkpointer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("atrium.store");
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("atrium-sqlite-checkpoint").factory());

    Checkpointer(DataSource connections) {
        executor.scheduleWithFixedDelay(() -> {
            try (Connection c = connections.getConnection(); Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(PASSIVE)");
            } catch (SQLException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "checkpoint skipped: " + e.getMessage());
            }
        }, 500, 500, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
