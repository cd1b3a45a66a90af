package dev.atrium.store.jdbc;

import dev.atrium.core.events.EventFilter;
import dev.atrium.core.events.EventStore;
import dev.atrium.core.events.FailingDeliveries;
import dev.atrium.core.events.UserEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link EventStore} over JDBC. Claiming is one UPDATE … RETURNING whose candidates are each
 * user's oldest pending event; PostgreSQL adds {@code FOR UPDATE SKIP LOCKED} so nodes claiming at
 * once take disjoint events, and the lease keeps them taken while the HTTP call runs outside any
 * transaction. SQLite's writers are serial, so its claim is atomic as is.
 */
final class JdbcEventStore implements EventStore {
    static final String COLUMNS = "seq, app_id, user_id, type, detail, created_at, attempts, next_attempt_at, "
            + "finished_at, outcome, last_error, into_user_id, conversion";
    private final Database db;

    JdbcEventStore(Database db) {
        this.db = db;
    }

    @Override
    public List<UserEvent> recent(String appId, EventFilter filter, int limit) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (appId != null) {
            where.add("app_id = ?");
            params.add(appId);
        }
        if (filter.state() != null) {
            where.add(switch (filter.state()) {
                case PENDING -> "finished_at IS NULL";
                case FAILED -> "finished_at IS NULL AND attempts > 0";
                case DELIVERED, SKIPPED -> "outcome = '" + (filter.state() == EventFilter.State.DELIVERED
                        ? UserEvent.DELIVERED : UserEvent.SKIPPED) + "'";
            });
        }
        if (filter.type() != null) {
            where.add("type = ?");
            params.add(filter.type());
        }
        String sql = "SELECT " + COLUMNS + " FROM events " + (where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where) + " ")
                + "ORDER BY seq DESC LIMIT ?";
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int p = 1;
                for (Object o : params) {
                    ps.setObject(p++, o);
                }
                ps.setInt(p, limit);
                return read(ps);
            }
        });
    }

    @Override
    public int retryFailed(String appId, Instant now) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE events SET next_attempt_at = CASE WHEN next_attempt_at > ? "
                    + "THEN ? ELSE next_attempt_at END WHERE app_id = ? AND finished_at IS NULL AND attempts > 0")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setLong(2, now.toEpochMilli());
                ps.setString(3, appId);
                return ps.executeUpdate();
            }
        });
    }

    /** From the pending index (unfinished events only), like the claim. */
    @Override
    public FailingDeliveries failing(String appId) {
        return db.read(c -> {
            long count;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM events WHERE app_id = ? AND finished_at IS NULL AND attempts > 0")) {
                ps.setString(1, appId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                }
            }
            if (count == 0) {
                return FailingDeliveries.NONE;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM events WHERE app_id = ? "
                    + "AND finished_at IS NULL AND attempts > 0 ORDER BY seq DESC LIMIT 1")) {
                ps.setString(1, appId);
                List<UserEvent> newest = read(ps);
                return newest.isEmpty() ? FailingDeliveries.NONE : new FailingDeliveries(count, newest.getFirst());
            }
        });
    }

    @Override
    public List<UserEvent> claim(String appId, Instant now, Instant leaseUntil, int limit) {
        String skipLocked = db.dialect().forUpdateSkipLocked();
        String sql = "UPDATE events SET lease_until = ? WHERE seq IN (SELECT e.seq FROM events e "
                + "WHERE e.app_id = ? AND e.finished_at IS NULL AND e.next_attempt_at <= ? "
                + "AND (e.lease_until IS NULL OR e.lease_until <= ?) "
                + "AND NOT EXISTS (SELECT 1 FROM events p WHERE p.app_id = e.app_id AND p.user_id = e.user_id "
                + "AND p.finished_at IS NULL AND p.seq < e.seq) ORDER BY e.seq LIMIT ?" + skipLocked + ") "
                + "RETURNING " + COLUMNS;
        List<UserEvent> claimed = db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, leaseUntil.toEpochMilli());
                ps.setString(2, appId);
                ps.setLong(3, now.toEpochMilli());
                ps.setLong(4, now.toEpochMilli());
                ps.setInt(5, limit);
                return read(ps);
            }
        });
        claimed.sort(java.util.Comparator.comparingLong(UserEvent::seq)); // RETURNING has no order
        return claimed;
    }

    /**
     * No ORDER BY: the pending index ({@code app_id, user_id, seq}) then yields the first
     * {@code limit} candidates without sorting the whole backlog on every batch.
     */
    @Override
    public int skipDue(String appId, Instant now, int limit) {
        String skipLocked = db.dialect().forUpdateSkipLocked();
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE events SET finished_at = ?, outcome = ?, "
                    + "lease_until = NULL WHERE seq IN (SELECT seq FROM events WHERE app_id = ? AND finished_at IS NULL "
                    + "AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?) LIMIT ?" + skipLocked + ")")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setString(2, UserEvent.SKIPPED);
                ps.setString(3, appId);
                ps.setLong(4, now.toEpochMilli());
                ps.setLong(5, now.toEpochMilli());
                ps.setInt(6, limit);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean finish(long seq, String outcome, Instant at) {
        return update("UPDATE events SET finished_at = ?, outcome = ?, lease_until = NULL WHERE seq = ?",
                at.toEpochMilli(), outcome, seq);
    }

    @Override
    public boolean retryLater(long seq, int attempts, Instant nextAttemptAt, String error) {
        String e = error == null ? null : error.substring(0, Math.min(error.length(), 500));
        return update("UPDATE events SET attempts = ?, next_attempt_at = ?, last_error = ?, lease_until = NULL WHERE seq = ? AND finished_at IS NULL",
                attempts, nextAttemptAt.toEpochMilli(), e, seq);
    }

    @Override
    public int trim(Instant before) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM events WHERE (finished_at IS NOT NULL AND finished_at < ?) OR created_at < ?")) {
                ps.setLong(1, before.toEpochMilli());
                ps.setLong(2, before.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    private boolean update(String sql, Object... params) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static List<UserEvent> read(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<UserEvent> list = new ArrayList<>();
            while (rs.next()) {
                long finished = rs.getLong(9);
                Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finished);
                list.add(new UserEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        Instant.ofEpochMilli(rs.getLong(6)), rs.getInt(7), Instant.ofEpochMilli(rs.getLong(8)),
                        finishedAt, rs.getString(10), rs.getString(11), rs.getString(12), rs.getBoolean(13)));
            }
            return list;
        }
    }
}
