package dev.atrium.store.jdbc;

import dev.atrium.core.apps.MergedGuest;
import dev.atrium.core.events.UserEvent;
import dev.atrium.core.merge.Merge;
import dev.atrium.core.merge.MergeOutcome;
import dev.atrium.core.merge.MergeStore;
import dev.atrium.core.merge.MergeTicket;
import dev.atrium.core.users.DeletionReason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link MergeStore} over JDBC. A merge first locks the guest's row ({@code FOR UPDATE} on
 * PostgreSQL; SQLite's writers are serial), so it and a logout, a link or another merge of the same
 * guest run one after the other; it checks everything before its first write, and the ticket's
 * {@code DELETE} is that first write: of two merges with one ticket, only the one whose delete found
 * the row goes on.
 */
final class JdbcMergeStore implements MergeStore {
    private static final String COLUMNS = "hash, app_id, guest_id, holder_id, provider_type, created_at, expires_at";
    private final Database db;

    JdbcMergeStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(MergeTicket t) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO merge_tickets (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, t.hash());
                ps.setString(2, t.appId());
                ps.setString(3, t.guestId());
                ps.setString(4, t.holderId());
                ps.setString(5, t.providerType());
                ps.setLong(6, t.createdAt().toEpochMilli());
                ps.setLong(7, t.expiresAt().toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<MergeTicket> find(String appId, String hash, Instant now) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM merge_tickets "
                    + "WHERE hash = ? AND app_id = ? AND expires_at > ?")) {
                ps.setString(1, hash);
                ps.setString(2, appId);
                ps.setLong(3, now.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new MergeTicket(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)),
                            Instant.ofEpochMilli(rs.getLong(7)))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public MergeOutcome merge(Merge m) {
        MergeTicket t = m.ticket();
        return db.write(c -> {
            MergeOutcome refused = check(c, m);
            if (refused != null) {
                return refused;
            }
            if (!spend(c, t, m.at())) {
                return MergeOutcome.TICKET_GONE;
            }
            JdbcSessionStore.insert(c, m.holderSession());
            OutboxWrites.insert(c, t.appId(), t.guestId(), UserEvent.MERGED, t.providerType(), m.at(), t.holderId(), true);
            if (m.fate() == MergedGuest.DELETE) {
                // Identities, sessions and credentials go by the cascades, as in any deletion.
                update(c, "DELETE FROM users WHERE id = ? AND app_id = ?", t.guestId(), t.appId());
                OutboxWrites.insert(c, t.appId(), t.guestId(), UserEvent.DELETED, DeletionReason.MERGED.wire(), m.at());
            } else {
                update(c, "DELETE FROM sessions WHERE user_id = ?", t.guestId()); // the guest's app was checked above
            }
            return MergeOutcome.MERGED;
        });
    }

    /** The refusal the guest's and the holder's rows call for, or null when the merge may go on; writes nothing. */
    private MergeOutcome check(Connection c, Merge m) throws SQLException {
        MergeTicket t = m.ticket();
        Boolean anonymous;
        try (PreparedStatement ps = c.prepareStatement("SELECT anonymous FROM users WHERE id = ? AND app_id = ?"
                + db.dialect().forUpdate())) {
            ps.setString(1, t.guestId());
            ps.setString(2, t.appId());
            try (ResultSet rs = ps.executeQuery()) {
                anonymous = rs.next() ? rs.getBoolean(1) : null;
            }
        }
        if (anonymous == null || !exists(c, "SELECT 1 FROM sessions WHERE id = ? AND user_id = ? AND expires_at > ?",
                m.guestSessionId(), t.guestId(), m.at().toEpochMilli())) {
            return MergeOutcome.SESSION_ENDED;
        }
        if (!anonymous) {
            return MergeOutcome.NOT_A_GUEST;
        }
        if (!exists(c, "SELECT 1 FROM users WHERE id = ? AND app_id = ? AND disabled = ?", t.holderId(), t.appId(), false)) {
            return MergeOutcome.HOLDER_UNAVAILABLE;
        }
        return null;
    }

    /** Deletes the ticket if it is still there as found and unexpired at {@code at}; whether it was. */
    private static boolean spend(Connection c, MergeTicket t, Instant at) throws SQLException {
        return update(c, "DELETE FROM merge_tickets WHERE hash = ? AND app_id = ? AND guest_id = ? AND holder_id = ? "
                + "AND expires_at > ?", t.hash(), t.appId(), t.guestId(), t.holderId(), at.toEpochMilli()) == 1;
    }

    @Override
    public int deleteExpired(Instant now, int limit) {
        return db.write(c -> update(c, "DELETE FROM merge_tickets WHERE hash IN "
                + "(SELECT hash FROM merge_tickets WHERE expires_at <= ? ORDER BY expires_at LIMIT ?)", now.toEpochMilli(), limit));
    }

    private static boolean exists(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = bind(c.prepareStatement(sql), params); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = bind(c.prepareStatement(sql), params)) {
            return ps.executeUpdate();
        }
    }

    private static PreparedStatement bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }
}
