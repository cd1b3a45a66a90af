package dev.atrium.store.jdbc;

import dev.atrium.core.admin.AdminToken;
import dev.atrium.core.admin.AdminTokenStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link AdminTokenStore} over JDBC. */
final class JdbcAdminTokenStore implements AdminTokenStore {
    private static final String SELECT = "SELECT id, name, token_hash, created_at FROM admin_tokens ";
    private final Database db;

    JdbcAdminTokenStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(AdminToken token) {
        try {
            db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO admin_tokens (id, name, token_hash, created_at) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, token.id());
                    ps.setString(2, token.name());
                    ps.setString(3, token.tokenHash());
                    ps.setLong(4, token.createdAt().toEpochMilli());
                    return ps.executeUpdate();
                }
            });
        } catch (UniqueViolationException e) {
            throw new IllegalStateException("admin token " + token.id() + " exists", e);
        }
    }

    @Override
    public Optional<AdminToken> findByHash(String tokenHash) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE token_hash = ?")) {
                ps.setString(1, tokenHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(token(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<AdminToken> list() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + "ORDER BY created_at, id");
                 ResultSet rs = ps.executeQuery()) {
                List<AdminToken> tokens = new ArrayList<>();
                while (rs.next()) {
                    tokens.add(token(rs));
                }
                return tokens;
            }
        });
    }

    @Override
    public boolean revoke(String id) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM admin_tokens WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static AdminToken token(ResultSet rs) throws SQLException {
        return new AdminToken(rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)));
    }
}
