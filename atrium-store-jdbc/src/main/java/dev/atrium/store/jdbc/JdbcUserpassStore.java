package dev.atrium.store.jdbc;

import dev.atrium.core.auth.password.UserpassAccount;
import dev.atrium.core.auth.password.UserpassAccount.PendingToken;
import dev.atrium.core.auth.password.UserpassStore;
import dev.atrium.core.events.UserEvent;
import dev.atrium.core.users.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link UserpassStore} over JDBC. An account without a password (imported from App Services) keeps
 * {@link #NO_PASSWORD} in {@code password_hash}: the column is NOT NULL since the first schema, and
 * an empty string is no PHC hash, so nothing can ever verify against it.
 */
final class JdbcUserpassStore implements UserpassStore {
    /** What {@code password_hash} holds while an account has no password (a null {@link UserpassAccount#passwordHash()}). */
    static final String NO_PASSWORD = "";

    private static final String COLUMNS = "id, app_id, email, password_hash, confirmed, confirm_token_id, "
            + "confirm_token_hash, confirm_expires_at, reset_token_id, reset_token_hash, reset_expires_at, created_at";
    private final Database db;

    JdbcUserpassStore(Database db) {
        this.db = db;
    }

    @Override
    public boolean create(UserpassAccount a) {
        try {
            return db.write(c -> insert(c, a));
        } catch (UniqueViolationException e) {
            return false;
        }
    }

    @Override
    public boolean createWithUser(UserpassAccount a, User user) {
        try {
            return db.write(c -> {
                insert(c, a);
                SignupSql.insertUserAndIdentities(c, user);
                OutboxWrites.insert(c, user.appId(), user.id(), UserEvent.CREATED, user.identities().get(0).providerType(),
                        user.createdAt());
                return true;
            });
        } catch (UniqueViolationException e) {
            return false;
        }
    }

    private static boolean insert(Connection c, UserpassAccount a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO userpass (" + COLUMNS + ") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, a.id());
            ps.setString(2, a.appId());
            ps.setString(3, a.email());
            ps.setString(4, hashColumn(a.passwordHash()));
            ps.setBoolean(5, a.confirmed());
            bindToken(ps, 6, a.confirmToken());
            bindToken(ps, 9, a.resetToken());
            ps.setLong(12, a.createdAt().toEpochMilli());
            return ps.executeUpdate() == 1;
        }
    }

    @Override
    public Optional<UserpassAccount> findByEmail(String appId, String email) {
        return one("WHERE app_id = ? AND email = ?", appId, email);
    }

    @Override
    public Optional<UserpassAccount> findByTokenId(String appId, String tokenId) {
        return one("WHERE app_id = ? AND (confirm_token_id = ? OR reset_token_id = ?)", appId, tokenId, tokenId);
    }

    @Override
    public boolean update(UserpassAccount a, String consumedTokenId) {
        String guard = consumedTokenId == null ? "" : " AND (confirm_token_id = ? OR reset_token_id = ?)";
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE userpass SET password_hash = ?, confirmed = ?, "
                    + "confirm_token_id = ?, confirm_token_hash = ?, confirm_expires_at = ?, "
                    + "reset_token_id = ?, reset_token_hash = ?, reset_expires_at = ? WHERE id = ? AND app_id = ?" + guard)) {
                ps.setString(1, hashColumn(a.passwordHash()));
                ps.setBoolean(2, a.confirmed());
                bindToken(ps, 3, a.confirmToken());
                bindToken(ps, 6, a.resetToken());
                ps.setString(9, a.id());
                ps.setString(10, a.appId());
                if (consumedTokenId != null) {
                    ps.setString(11, consumedTokenId);
                    ps.setString(12, consumedTokenId);
                }
                return ps.executeUpdate() == 1;
            }
        });
    }

    private Optional<UserpassAccount> one(String where, String... params) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM userpass " + where)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setString(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(account(rs)) : Optional.empty();
                }
            }
        });
    }

    private static void bindToken(PreparedStatement ps, int at, PendingToken t) throws SQLException {
        if (t == null) {
            ps.setNull(at, Types.VARCHAR);
            ps.setNull(at + 1, Types.VARCHAR);
            ps.setNull(at + 2, Types.BIGINT);
        } else {
            ps.setString(at, t.id());
            ps.setString(at + 1, t.hash());
            ps.setLong(at + 2, t.expiresAt().toEpochMilli());
        }
    }

    private static PendingToken token(ResultSet rs, int at) throws SQLException {
        String id = rs.getString(at);
        return id == null ? null : new PendingToken(id, rs.getString(at + 1), Instant.ofEpochMilli(rs.getLong(at + 2)));
    }

    private static UserpassAccount account(ResultSet rs) throws SQLException {
        String hash = rs.getString(4);
        return new UserpassAccount(rs.getString(1), rs.getString(2), rs.getString(3),
                NO_PASSWORD.equals(hash) ? null : hash, rs.getBoolean(5), token(rs, 6), token(rs, 9),
                Instant.ofEpochMilli(rs.getLong(12)));
    }

    /** The column's value for a password hash: {@link #NO_PASSWORD} for none. */
    static String hashColumn(String passwordHash) {
        return passwordHash == null ? NO_PASSWORD : passwordHash;
    }
}
