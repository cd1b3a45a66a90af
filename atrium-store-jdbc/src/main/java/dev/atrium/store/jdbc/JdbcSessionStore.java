package dev.atrium.store.jdbc;

import dev.atrium.core.sessions.Session;
import dev.atrium.core.sessions.SessionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** {@link SessionStore} over JDBC. */
final class JdbcSessionStore implements SessionStore {
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
                "INSERT INTO sessions (id, app_id, user_id, device_id, refresh_hash, created_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, s.id());
            ps.setString(2, s.appId());
            ps.setString(3, s.userId());
            ps.setString(4, s.deviceId());
            ps.setString(5, s.refreshHash());
            ps.setLong(6, s.createdAt().toEpochMilli());
            ps.setLong(7, s.expiresAt().toEpochMilli());
            ps.executeUpdate();
        }
    }

    @Override
    public Optional<Session> find(String sessionId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, app_id, user_id, device_id, refresh_hash, created_at, expires_at FROM sessions WHERE id = ?")) {
                ps.setString(1, sessionId);
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
    public boolean revoke(String sessionId) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE id = ?")) {
                ps.setString(1, sessionId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public int revokeAll(String appId, String userId) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE app_id = ? AND user_id = ?")) {
                ps.setString(1, appId);
                ps.setString(2, userId);
                return ps.executeUpdate();
            }
        });
    }
}
