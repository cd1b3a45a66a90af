package dev.atrium.bench.baseline;

import dev.atrium.store.jdbc.Dialect;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The store's guest insert through plain JDBC at the load's concurrency: {@code threads} workers
 * share {@code connections} connections as the server's requests share its pool. On SQLite the
 * server writes through exactly one connection (one writer at a time), so the baseline does too.
 */
public final class InsertBaseline {
    private InsertBaseline() {}

    /** The forms worth measuring on this store; the first is the statement form the server uses. */
    public static List<InsertForm> formsFor(Dialect dialect) {
        return dialect.dataModifyingCtes()
                ? List.of(InsertForm.CTE_AUTOCOMMIT, InsertForm.CTE_IN_TRANSACTION, InsertForm.TRANSACTION)
                : List.of(InsertForm.TRANSACTION);
    }

    public static BaselineResult run(BaselineStore store, InsertForm form, int threads, int poolSize, Timing timing) {
        int connections = store.dialect().serialWriters() ? 1 : Math.min(threads, poolSize);
        List<GuestInserter> all = new ArrayList<>();
        BlockingQueue<GuestInserter> free = new ArrayBlockingQueue<>(connections);
        try {
            for (int i = 0; i < connections; i++) {
                GuestInserter g = new GuestInserter(store.connect(), store.appId(), form);
                all.add(g);
                free.add(g);
            }
            return BaselineLoop.run(form.label(), form.description(), threads, connections, timing, worker -> {
                GuestInserter g = free.take();
                try {
                    g.insertOne();
                } finally {
                    free.put(g);
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open baseline connections to " + store.describe() + ": " + e, e);
        } finally {
            for (GuestInserter g : all) {
                try {
                    g.close();
                } catch (SQLException ignored) {
                    // a connection that cannot close cleanly is gone anyway
                }
            }
        }
    }
}
