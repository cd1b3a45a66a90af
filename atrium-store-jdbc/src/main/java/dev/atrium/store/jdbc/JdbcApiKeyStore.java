package dev.atrium.store.jdbc;

import dev.atrium.core.auth.apikey.ApiKey;
import dev.atrium.core.auth.apikey.ApiKeyStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link ApiKeyStore} over JDBC. */
final class JdbcApiKeyStore implements ApiKeyStore {
    private static final String SELECT = "SELECT id, app_id, user_id, name, key_hash, disabled, created_at FROM api_keys ";
    private final Database db;

    JdbcApiKeyStore(Database db) {
        this.db = db;
    }

    @Override
    public boolean create(ApiKey k) {
        try {
            return db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_keys "
                        + "(id, app_id, user_id, name, key_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, k.id());
                    ps.setString(2, k.appId());
                    ps.setString(3, k.userId());
                    ps.setString(4, k.name());
                    ps.setString(5, k.keyHash());
                    ps.setBoolean(6, k.disabled());
                    ps.setLong(7, k.createdAt().toEpochMilli());
                    return ps.executeUpdate() == 1;
                }
            });
        } catch (UniqueViolationException e) {
            return false;
        }
    }

    @Override
    public Optional<ApiKey> find(String appId, String userId, String keyId) {
        return list(SELECT + "WHERE app_id = ? AND user_id = ? AND id = ?", appId, userId, keyId).stream().findFirst();
    }

    @Override
    public Optional<ApiKey> findByHash(String appId, String keyHash) {
        return list(SELECT + "WHERE key_hash = ? AND app_id = ?", keyHash, appId).stream().findFirst();
    }

    @Override
    public List<ApiKey> list(String appId, String userId) {
        return list(SELECT + "WHERE app_id = ? AND user_id = ? ORDER BY created_at, id", appId, userId);
    }

    @Override
    public boolean setDisabled(String appId, String userId, String keyId, boolean disabled) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE api_keys SET disabled = ? WHERE app_id = ? AND user_id = ? AND id = ?")) {
                ps.setBoolean(1, disabled);
                ps.setString(2, appId);
                ps.setString(3, userId);
                ps.setString(4, keyId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean delete(String appId, String userId, String keyId) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM api_keys WHERE app_id = ? AND user_id = ? AND id = ?")) {
                ps.setString(1, appId);
                ps.setString(2, userId);
                ps.setString(3, keyId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private List<ApiKey> list(String sql, String... params) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setString(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    List<ApiKey> keys = new ArrayList<>();
                    while (rs.next()) {
                        keys.add(key(rs));
                    }
                    return keys;
                }
            }
        });
    }

    private static ApiKey key(ResultSet rs) throws SQLException {
        return new ApiKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBoolean(6), Instant.ofEpochMilli(rs.getLong(7)));
    }
}
