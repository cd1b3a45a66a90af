package dev.atrium.store.jdbc;

import dev.atrium.core.admin.ServerKeyStore;
import dev.atrium.core.auth.apikey.ApiKey;
import dev.atrium.core.events.UserEvent;
import dev.atrium.core.users.User;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link ServerKeyStore} over JDBC: a server user, its api-key identity and the key, in one transaction. */
final class JdbcServerKeyStore implements ServerKeyStore {
    private final Database db;

    JdbcServerKeyStore(Database db) {
        this.db = db;
    }

    @Override
    public void create(User serverUser, ApiKey k) {
        db.write(c -> {
            SignupSql.insertUserAndIdentities(c, serverUser);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_keys "
                    + "(id, app_id, user_id, name, key_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, k.id());
                ps.setString(2, k.appId());
                ps.setString(3, k.userId());
                ps.setString(4, k.name());
                ps.setString(5, k.keyHash());
                ps.setBoolean(6, k.disabled());
                ps.setLong(7, k.createdAt().toEpochMilli());
                ps.executeUpdate();
            }
            OutboxWrites.insert(c, serverUser.appId(), serverUser.id(), UserEvent.CREATED,
                    serverUser.identities().get(0).providerType(), serverUser.createdAt());
            return null;
        });
    }

    @Override
    public List<ApiKey> list(String appId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT k.id, k.app_id, k.user_id, k.name, k.key_hash, k.disabled, "
                    + "k.created_at FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.app_id = ? AND u.type = 'server' "
                    + "ORDER BY k.created_at, k.id")) {
                ps.setString(1, appId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<ApiKey> keys = new ArrayList<>();
                    while (rs.next()) {
                        keys.add(new ApiKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getBoolean(6), Instant.ofEpochMilli(rs.getLong(7))));
                    }
                    return keys;
                }
            }
        });
    }

    @Override
    public boolean delete(String appId, String keyId, Instant at) {
        return db.write(c -> {
            String userId;
            try (PreparedStatement ps = c.prepareStatement("SELECT k.user_id FROM api_keys k JOIN users u ON u.id = k.user_id "
                    + "WHERE k.app_id = ? AND k.id = ? AND u.type = 'server'")) {
                ps.setString(1, appId);
                ps.setString(2, keyId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    userId = rs.getString(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM users WHERE id = ?")) {
                ps.setString(1, userId);
                ps.executeUpdate();
            }
            OutboxWrites.insert(c, appId, userId, UserEvent.DELETED, "admin", at);
            return true;
        });
    }
}
