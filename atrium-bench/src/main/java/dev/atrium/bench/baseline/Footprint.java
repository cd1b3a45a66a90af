package dev.atrium.bench.baseline;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bytes per guest: inserts {@code guests} guests into a fresh store of the server's kind and
 * schema (in transactions of 1,000: the on-disk shape of a row does not depend on how it was
 * committed), then divides the growth by the count. SQLite: file growth after a WAL checkpoint.
 * PostgreSQL: pg_total_relation_size (heap, indexes, TOAST) of users, identities and sessions.
 */
public final class Footprint {
    private static final int BATCH = 1_000;
    private static final String[] TABLES = {"users", "identities", "sessions"};

    /** Total and per-table bytes per guest. */
    public record Result(String store, int guests, long bytes, double bytesPerGuest, Map<String, Double> perTable) {}

    private Footprint() {}

    public static Result measure(String serverStoreUrl, int guests) {
        try (BaselineStore store = BaselineStore.besides(serverStoreUrl);
             GuestInserter inserter = new GuestInserter(store.connect(), store.appId(), InsertForm.TRANSACTION)) {
            Connection c = inserter.connection();
            Map<String, Long> before = sizes(store, c);
            for (int i = 1; i <= guests; i++) {
                inserter.insertRows();
                if (i % BATCH == 0 || i == guests) {
                    c.commit();
                }
            }
            Map<String, Long> after = sizes(store, c);
            Map<String, Double> perTable = new LinkedHashMap<>();
            after.forEach((table, size) -> perTable.put(table, (double) (size - before.get(table)) / guests));
            long grown = after.values().stream().mapToLong(Long::longValue).sum()
                    - before.values().stream().mapToLong(Long::longValue).sum();
            return new Result(store.dialect().name().toLowerCase(java.util.Locale.ROOT), guests, grown,
                    (double) grown / guests, perTable);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("footprint measurement failed: " + e, e);
        }
    }

    private static Map<String, Long> sizes(BaselineStore store, Connection c) throws SQLException, IOException {
        Map<String, Long> out = new LinkedHashMap<>();
        if (store.sqliteFile() != null) { // one file: its size says it all
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            c.setAutoCommit(false);
            out.put("file", Files.size(store.sqliteFile()));
            return out;
        }
        c.commit();
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_total_relation_size(to_regclass(?))")) {
            for (String table : TABLES) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    out.put(table, rs.getLong(1));
                }
            }
        }
        c.commit();
        return out;
    }
}
