package dev.atrium.store.jdbc;

import dev.atrium.core.tokens.SigningKey;
import dev.atrium.core.tokens.SigningKeyStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link SigningKeyStore} over JDBC; the partial unique index allows one active key per app. The
 * private JWK is stored encrypted ({@link SecretCodec}), bound to its app and kid.
 */
final class JdbcSigningKeyStore implements SigningKeyStore {
    private final Database db;
    private final SecretCodec secrets;

    JdbcSigningKeyStore(Database db, SecretCodec secrets) {
        this.db = db;
        this.secrets = secrets;
    }

    @Override
    public List<SigningKey> forApp(String appId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT app_id, kid, alg, private_jwk, state, created_at, retired_at FROM signing_keys WHERE app_id = ? "
                            + "ORDER BY CASE WHEN state = 'active' THEN 0 ELSE 1 END, created_at DESC, kid DESC")) {
                ps.setString(1, appId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<SigningKey> keys = new ArrayList<>();
                    while (rs.next()) {
                        long retired = rs.getLong(7);
                        Instant retiredAt = rs.wasNull() ? null : Instant.ofEpochMilli(retired);
                        String app = rs.getString(1);
                        String kid = rs.getString(2);
                        keys.add(new SigningKey(app, kid, rs.getString(3), secrets.openJwk(app, kid, rs.getString(4)),
                                rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), retiredAt));
                    }
                    return keys;
                }
            }
        });
    }

    @Override
    public boolean insertFirst(SigningKey key) {
        if (!key.state().equals(SigningKey.ACTIVE)) {
            throw new IllegalArgumentException("insertFirst takes an active key, got " + key.state());
        }
        return db.write(c -> insert(c, key, " ON CONFLICT DO NOTHING"));
    }

    @Override
    public boolean rotate(SigningKey next, Instant at, Instant pruneRetiredBefore) {
        // Rotations of one app must serialise: on PostgreSQL a second rotation's UPDATE would wait
        // on the old active row, then find it retired and the winner's new row invisible to its
        // snapshot. Locking the app row first makes the UPDATE run on a fresh snapshot.
        // SQLite needs nothing: its writers are serial (IMMEDIATE transactions).
        return db.write(c -> {
            db.dialect().lockRow(c, "apps", next.appId());
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE signing_keys SET state = 'retired', retired_at = ? WHERE app_id = ? AND state = 'active'")) {
                ps.setLong(1, at.toEpochMilli());
                ps.setString(2, next.appId());
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM signing_keys WHERE app_id = ? AND state = 'retired' AND retired_at < ?")) {
                ps.setString(1, next.appId());
                ps.setLong(2, pruneRetiredBefore.toEpochMilli());
                ps.executeUpdate();
            }
            return insert(c, next, "");
        });
    }

    private boolean insert(Connection c, SigningKey key, String onConflict) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO signing_keys (kid, app_id, alg, private_jwk, state, created_at, retired_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)" + onConflict)) {
            ps.setString(1, key.kid());
            ps.setString(2, key.appId());
            ps.setString(3, key.alg());
            ps.setString(4, secrets.sealJwk(key.appId(), key.kid(), key.privateJwk())); // never in the clear
            ps.setString(5, key.state());
            ps.setLong(6, key.createdAt().toEpochMilli());
            if (key.retiredAt() == null) {
                ps.setNull(7, java.sql.Types.BIGINT);
            } else {
                ps.setLong(7, key.retiredAt().toEpochMilli());
            }
            return ps.executeUpdate() == 1;
        }
    }
}
