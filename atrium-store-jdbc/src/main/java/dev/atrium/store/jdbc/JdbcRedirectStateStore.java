package dev.atrium.store.jdbc;

import dev.atrium.core.redirect.RedirectState;
import dev.atrium.core.redirect.RedirectStateStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link RedirectStateStore} over JDBC. A take is one {@code DELETE … RETURNING} (both engines have
 * it), so of two callbacks with the same state only the one whose delete found the row gets it.
 */
final class JdbcRedirectStateStore implements RedirectStateStore {
    private static final String COLUMNS = "id, app_id, provider_type, client_state, redirect_url, device_id, link_user_id, "
            + "link_session_id, link_device_id, link_binding_hash, nonce, created_at, expires_at";
    private final Database db;

    JdbcRedirectStateStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(RedirectState s) {
        RedirectState.LinkTarget link = s.link();
        try {
            db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO redirect_states (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, s.id());
                    ps.setString(2, s.appId());
                    ps.setString(3, s.providerType());
                    ps.setString(4, s.clientState());
                    ps.setString(5, s.redirectUrl());
                    setNullable(ps, 6, s.deviceId());
                    setNullable(ps, 7, link == null ? null : link.userId());
                    setNullable(ps, 8, link == null ? null : link.sessionId());
                    setNullable(ps, 9, link == null ? null : link.deviceId());
                    setNullable(ps, 10, link == null ? null : link.bindingHash());
                    ps.setString(11, s.nonce());
                    ps.setLong(12, s.createdAt().toEpochMilli());
                    ps.setLong(13, s.expiresAt().toEpochMilli());
                    return ps.executeUpdate();
                }
            });
        } catch (UniqueViolationException e) {
            throw new IllegalStateException("redirect state exists", e);
        }
    }

    @Override
    public Optional<RedirectState> take(String id, Instant now) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM redirect_states WHERE id = ? RETURNING " + COLUMNS)) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(state(rs)).filter(s -> s.expiresAt().isAfter(now)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public int deleteExpired(Instant now, int limit) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM redirect_states WHERE id IN "
                    + "(SELECT id FROM redirect_states WHERE expires_at <= ? ORDER BY expires_at LIMIT ?)")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setInt(2, limit);
                return ps.executeUpdate();
            }
        });
    }

    private static void setNullable(PreparedStatement ps, int i, String value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, value);
        }
    }

    private static RedirectState state(ResultSet rs) throws SQLException {
        String linkUser = rs.getString(7);
        RedirectState.LinkTarget link = linkUser == null ? null
                : new RedirectState.LinkTarget(linkUser, rs.getString(8), rs.getString(9), rs.getString(10));
        return new RedirectState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), link, rs.getString(11), Instant.ofEpochMilli(rs.getLong(12)), Instant.ofEpochMilli(rs.getLong(13)));
    }
}
