package dev.atrium.store.jdbc;

import dev.atrium.core.events.UserEvent;
import dev.atrium.core.lifecycle.SweepStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link SweepStore} over JDBC. A batch is one transaction: pick the victims (PostgreSQL:
 * {@code FOR UPDATE SKIP LOCKED}, so concurrent sweepers take disjoint rows and a guest whose row
 * a refresh or link holds is left alone), write their events, delete them (identities, sessions
 * and keys by cascade). On SQLite the DELETE repeats the condition; its writers are serial anyway.
 */
final class JdbcSweepStore implements SweepStore {
    private static final String GUESTS = "FROM users WHERE app_id = ? AND anonymous = ? AND last_active_at < ? ";
    /**
     * The victims again, by primary key. The unary {@code +} keeps SQLite's planner off the
     * activity index for these terms (sqlite.org/optoverview.html, "Disqualifying WHERE clause
     * terms using unary +"): without it, it range-scans every expired guest of the app to find the
     * batch's ids, once per batch, and a million-guest sweep turns quadratic (measured 8.6k/s).
     */
    private static final String PICKED = "FROM users WHERE +app_id = ? AND +anonymous = ? AND +last_active_at < ? ";
    private final Database db;

    JdbcSweepStore(Database db) {
        this.db = db;
    }

    @Override
    public int deleteInactiveGuests(String appId, Instant cutoff, int limit, Instant at) {
        return db.dialect().dataModifyingCtes() ? deleteInOneStatement(appId, cutoff, limit, at)
                : deleteInThreeStatements(appId, cutoff, limit, at);
    }

    /**
     * PostgreSQL: one statement, one round trip: pick (SKIP LOCKED), delete, and write the events
     * from the deleted rows. The picked rows are locked by this statement, so nothing can make
     * them active or linked between the pick and the delete.
     */
    private int deleteInOneStatement(String appId, Instant cutoff, int limit, Instant at) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("WITH victims AS (SELECT id " + GUESTS
                    + "ORDER BY last_active_at LIMIT ? FOR UPDATE SKIP LOCKED), "
                    + "gone AS (DELETE FROM users u USING victims v WHERE u.id = v.id RETURNING u.id, u.app_id) "
                    + "INSERT INTO " + OutboxWrites.COLUMNS + " SELECT app_id, id, ?, ?, ?, ? FROM gone")) {
                int p = bindGuests(ps, 1, appId, cutoff);
                ps.setInt(p++, limit);
                ps.setString(p++, UserEvent.DELETED);
                ps.setString(p++, "inactivity");
                ps.setLong(p++, at.toEpochMilli());
                ps.setLong(p, at.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    /** SQLite (no data-modifying CTEs, serial writers): pick, write the events, delete. */
    private int deleteInThreeStatements(String appId, Instant cutoff, int limit, Instant at) {
        return db.write(c -> {
            List<String> victims = select(c, "SELECT id " + GUESTS + "ORDER BY last_active_at LIMIT ?", appId, cutoff, limit);
            if (victims.isEmpty()) {
                return 0;
            }
            String in = String.join(",", java.util.Collections.nCopies(victims.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + OutboxWrites.COLUMNS
                    + " SELECT app_id, id, ?, ?, ?, ? " + PICKED + "AND id IN (" + in + ") ORDER BY id")) {
                int p = bindEvent(ps, at);
                p = bindGuests(ps, p, appId, cutoff);
                for (String id : victims) {
                    ps.setString(p++, id);
                }
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE " + PICKED + "AND id IN (" + in + ")")) {
                int p = bindGuests(ps, 1, appId, cutoff);
                for (String id : victims) {
                    ps.setString(p++, id);
                }
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public long countInactiveGuests(String appId, Instant cutoff) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) " + GUESTS)) {
                bindGuests(ps, 1, appId, cutoff);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public List<String> inactiveGuests(String appId, Instant cutoff, int limit) {
        return db.read(c -> select(c, "SELECT id " + GUESTS + "ORDER BY last_active_at LIMIT ?", appId, cutoff, limit));
    }

    private static List<String> select(Connection c, String sql, String appId, Instant cutoff, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = bindGuests(ps, 1, appId, cutoff);
            ps.setInt(p, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
            }
        }
    }

    private static int bindEvent(PreparedStatement ps, Instant at) throws SQLException {
        ps.setString(1, UserEvent.DELETED);
        ps.setString(2, "inactivity");
        ps.setLong(3, at.toEpochMilli());
        ps.setLong(4, at.toEpochMilli());
        return 5;
    }

    private static int bindGuests(PreparedStatement ps, int p, String appId, Instant cutoff) throws SQLException {
        ps.setString(p++, appId);
        ps.setBoolean(p++, true);
        ps.setLong(p++, cutoff.toEpochMilli());
        return p;
    }
}
