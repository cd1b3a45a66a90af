package dev.atrium.store.jdbc;

import dev.atrium.core.auth.passkey.Ceremony;
import dev.atrium.core.auth.passkey.PasskeyChallenge;
import dev.atrium.core.auth.passkey.PasskeyCredential;
import dev.atrium.core.auth.passkey.PasskeyStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@link PasskeyStore} over JDBC. A challenge is taken with one {@code DELETE … RETURNING} (both
 * engines have it), so of two answers with one challenge only the one whose delete found the row
 * gets it; a login's counter is written by an {@code UPDATE … WHERE sign_count = ?}, a compare and
 * set; {@code (app_id, credential_id)} is unique, so two registrations of one credential cannot both land.
 */
final class JdbcPasskeyStore implements PasskeyStore {
    private static final String CREDENTIAL = "id, app_id, user_id, credential_id, credential_data, aaguid, sign_count, "
            + "transports, backup_eligible, backed_up, name, created_at, last_used_at";
    private static final String CHALLENGE = "id, app_id, ceremony, user_id, created_at, expires_at";
    private final Database db;

    JdbcPasskeyStore(Database db) {
        this.db = db;
    }

    @Override
    public void insertChallenge(PasskeyChallenge c) {
        try {
            db.write(conn -> {
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO passkey_challenges (" + CHALLENGE
                        + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, c.id());
                    ps.setString(2, c.appId());
                    ps.setString(3, c.ceremony().name());
                    if (c.userId() == null) {
                        ps.setNull(4, Types.VARCHAR);
                    } else {
                        ps.setString(4, c.userId());
                    }
                    ps.setLong(5, c.createdAt().toEpochMilli());
                    ps.setLong(6, c.expiresAt().toEpochMilli());
                    return ps.executeUpdate();
                }
            });
        } catch (UniqueViolationException e) {
            throw new IllegalStateException("passkey challenge exists", e);
        }
    }

    @Override
    public Optional<PasskeyChallenge> takeChallenge(String id, Instant now) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM passkey_challenges WHERE id = ? RETURNING " + CHALLENGE)) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(challenge(rs)).filter(ch -> ch.expiresAt().isAfter(now)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public int deleteExpiredChallenges(Instant now, int limit) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM passkey_challenges WHERE id IN "
                    + "(SELECT id FROM passkey_challenges WHERE expires_at <= ? ORDER BY expires_at LIMIT ?)")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setInt(2, limit);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean insertCredential(PasskeyCredential p) {
        try {
            return db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO passkey_credentials (" + CREDENTIAL
                        + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM users WHERE id = ? AND app_id = ?")) {
                    ps.setString(1, p.id());
                    ps.setString(2, p.appId());
                    ps.setString(3, p.userId());
                    ps.setString(4, p.credentialId());
                    ps.setString(5, p.credentialData());
                    ps.setString(6, p.aaguid());
                    ps.setLong(7, p.signCount());
                    ps.setString(8, String.join(" ", p.transports()));
                    ps.setBoolean(9, p.backupEligible());
                    ps.setBoolean(10, p.backedUp());
                    ps.setString(11, p.name());
                    ps.setLong(12, p.createdAt().toEpochMilli());
                    if (p.lastUsedAt() == null) {
                        ps.setNull(13, Types.BIGINT);
                    } else {
                        ps.setLong(13, p.lastUsedAt().toEpochMilli());
                    }
                    ps.setString(14, p.userId());
                    ps.setString(15, p.appId());
                    if (ps.executeUpdate() != 1) {
                        throw new IllegalStateException("user " + p.userId() + " does not exist");
                    }
                    return true;
                }
            });
        } catch (UniqueViolationException e) {
            return false;
        }
    }

    @Override
    public Optional<PasskeyCredential> findByCredentialId(String appId, String credentialId) {
        return credentials("WHERE app_id = ? AND credential_id = ?", appId, credentialId).stream().findFirst();
    }

    @Override
    public List<PasskeyCredential> list(String appId, String userId) {
        return credentials("WHERE app_id = ? AND user_id = ? ORDER BY created_at, id", appId, userId);
    }

    @Override
    public boolean recordUse(String appId, String id, long expectedCount, long newCount, boolean backedUp, Instant usedAt) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE passkey_credentials SET sign_count = ?, backed_up = ?, "
                    + "last_used_at = ? WHERE app_id = ? AND id = ? AND sign_count = ?")) {
                ps.setLong(1, newCount);
                ps.setBoolean(2, backedUp);
                ps.setLong(3, usedAt.toEpochMilli());
                ps.setString(4, appId);
                ps.setString(5, id);
                ps.setLong(6, expectedCount);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean delete(String appId, String userId, String id) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM passkey_credentials WHERE app_id = ? AND user_id = ? AND id = ?")) {
                ps.setString(1, appId);
                ps.setString(2, userId);
                ps.setString(3, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private List<PasskeyCredential> credentials(String where, String... params) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + CREDENTIAL + " FROM passkey_credentials " + where)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setString(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    List<PasskeyCredential> found = new ArrayList<>();
                    while (rs.next()) {
                        found.add(credential(rs));
                    }
                    return found;
                }
            }
        });
    }

    private static PasskeyCredential credential(ResultSet rs) throws SQLException {
        String transports = rs.getString(8);
        long lastUsed = rs.getLong(13);
        Instant lastUsedAt = rs.wasNull() ? null : Instant.ofEpochMilli(lastUsed);
        return new PasskeyCredential(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getLong(7), transports.isEmpty() ? List.of() : Arrays.asList(transports.split(" ")),
                rs.getBoolean(9), rs.getBoolean(10), rs.getString(11), Instant.ofEpochMilli(rs.getLong(12)), lastUsedAt);
    }

    private static PasskeyChallenge challenge(ResultSet rs) throws SQLException {
        return new PasskeyChallenge(rs.getString(1), rs.getString(2), Ceremony.valueOf(rs.getString(3)), rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6)));
    }
}
