package dev.atrium.store.jdbc;

import dev.atrium.core.sessions.Session;
import dev.atrium.core.sessions.SessionStore;
import dev.atrium.core.sessions.SessionWithUser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link SessionStore} over JDBC. Sessions are keyed by (user, id) and have no other index: a
 * user's sessions (the cascade from users, revokeAll, the admin list) are a range of that key, and
 * every look-up by id comes with its user (the refresh token's {@code sub}). A session's app is its
 * user's: the row has no app_id. Both since V11 (docs/stores.md, "The tables").
 */
final class JdbcSessionStore implements SessionStore {
    /**
     * The refresh route's read: the session by primary key (user, id), its user by primary key and the
     * user's identities by their user index, in one statement (columns 1–11 the user's as
     * {@link JdbcUserStore} reads them, 12–17 the session's).
     */
    private static final String SELECT_WITH_USER = JdbcUserStore.USER_COLUMNS
            + ", u.app_id, s.user_id, s.device_id, s.refresh_hash, s.created_at, s.expires_at "
            + "FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN identities i ON i.user_id = u.id "
            + "WHERE s.user_id = ? AND s.id = ? ORDER BY i.position";

    private final Database db;

    JdbcSessionStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(Session session) {
        try {
            db.write(c -> {
                insert(c, session);
                return null;
            });
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot insert session for user " + session.userId(), e);
        }
    }

    static void insert(Connection c, Session s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sessions (id, user_id, device_id, refresh_hash, created_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, s.id());
            ps.setString(2, s.userId());
            ps.setString(3, s.deviceId());
            ps.setString(4, s.refreshHash());
            ps.setLong(5, s.createdAt().toEpochMilli());
            ps.setLong(6, s.expiresAt().toEpochMilli());
            ps.executeUpdate();
        }
    }

    @Override
    public Optional<Session> find(String userId, String sessionId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT s.id, u.app_id, s.user_id, s.device_id, s.refresh_hash, s.created_at, s.expires_at "
                            + "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.user_id = ? AND s.id = ?")) {
                ps.setString(1, userId);
                ps.setString(2, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Session(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), Instant.ofEpochMilli(rs.getLong(7))));
                }
            }
        });
    }

    @Override
    public Optional<SessionWithUser> findWithUser(String userId, String sessionId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_WITH_USER)) {
                ps.setString(1, userId);
                ps.setString(2, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Session session = new Session(sessionId, rs.getString(12), rs.getString(13), rs.getString(14),
                            rs.getString(15), Instant.ofEpochMilli(rs.getLong(16)), Instant.ofEpochMilli(rs.getLong(17)));
                    return Optional.of(new SessionWithUser(session, JdbcUserStore.readUserFromCurrentRow(rs)));
                }
            }
        });
    }

    @Override
    public boolean revoke(String userId, String sessionId) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE user_id = ? AND id = ?")) {
                ps.setString(1, userId);
                ps.setString(2, sessionId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public int revokeAll(String appId, String userId) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM sessions WHERE user_id = ? AND EXISTS (SELECT 1 FROM users u WHERE u.id = ? AND u.app_id = ?)")) {
                ps.setString(1, userId);
                ps.setString(2, userId);
                ps.setString(3, appId);
                return ps.executeUpdate();
            }
        });
    }
}
