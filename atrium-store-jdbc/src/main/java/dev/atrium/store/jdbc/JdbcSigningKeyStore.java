package dev.atrium.store.jdbc;

import dev.atrium.core.tokens.SigningKey;
import dev.atrium.core.tokens.SigningKeyStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link SigningKeyStore} over JDBC; the partial unique index allows one active key per app. */
final class JdbcSigningKeyStore implements SigningKeyStore {
    private final Database db;

    JdbcSigningKeyStore(Database db) {
        this.db = db;
    }

    @Override
    public List<SigningKey> forApp(String appId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT app_id, kid, alg, private_jwk, state, created_at FROM signing_keys WHERE app_id = ? "
                            + "ORDER BY CASE WHEN state = 'active' THEN 0 ELSE 1 END, created_at DESC, kid DESC")) {
                ps.setString(1, appId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<SigningKey> keys = new ArrayList<>();
                    while (rs.next()) {
                        keys.add(new SigningKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), Instant.ofEpochMilli(rs.getLong(6))));
                    }
                    return keys;
                }
            }
        });
    }

    @Override
    public boolean insertFirst(SigningKey key) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO signing_keys (kid, app_id, alg, private_jwk, state, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, key.kid());
                ps.setString(2, key.appId());
                ps.setString(3, key.alg());
                ps.setString(4, key.privateJwk());
                ps.setString(5, key.state());
                ps.setLong(6, key.createdAt().toEpochMilli());
                return ps.executeUpdate() == 1;
            }
        });
    }
}
