package dev.atrium.store.jdbc;

import dev.atrium.core.auth.IdentityTakenException;
import dev.atrium.core.auth.LinkStore;
import dev.atrium.core.auth.ProviderAlreadyLinkedException;
import dev.atrium.core.kernel.Json;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/**
 * {@link LinkStore} over JDBC. The user row is locked first ({@code FOR UPDATE} on PostgreSQL;
 * SQLite's writers are serial), so two links of one user run one after the other and the
 * one-identity-per-provider check cannot be raced; the identity's primary key settles two users
 * linking the same identity.
 */
final class JdbcLinkStore implements LinkStore {
    private final Database db;

    JdbcLinkStore(Database db) {
        this.db = db;
    }

    @Override
    public boolean addIdentity(String appId, String userId, Identity identity) {
        String lock = db.dialect().forUpdate();
        try {
            return db.write(c -> {
                boolean wasGuest;
                long createdAt;
                try (PreparedStatement ps = c.prepareStatement("SELECT anonymous, created_at FROM users WHERE id = ? AND app_id = ?"
                        + lock)) {
                    ps.setString(1, userId);
                    ps.setString(2, appId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return false;
                        }
                        wasGuest = rs.getBoolean(1);
                        createdAt = rs.getLong(2);
                    }
                }
                // the primary key below cannot see a guest's implied identity (ImpliedIdentity)
                ImpliedIdentity.refuseTaken(c, appId, identity);
                int position;
                long rows;
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*), coalesce(max(position), -1), "
                        + "sum(CASE WHEN provider_type = ? THEN 1 ELSE 0 END) FROM identities WHERE user_id = ?")) {
                    ps.setString(1, identity.providerType());
                    ps.setString(2, userId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(3) > 0) {
                            throw new ProviderAlreadyLinkedException(identity.providerType());
                        }
                        rows = rs.getLong(1);
                        position = rs.getInt(2) + 1;
                    }
                }
                if (wasGuest && rows == 0) {
                    // The guest's identity was implied by its user row (ImpliedIdentity): written out
                    // first, so the linked user keeps it, first, as if it had always been stored.
                    Identity anon = new Identity(User.ANON_PROVIDER, userId, Map.of(), Instant.ofEpochMilli(createdAt));
                    if (anon.providerType().equals(identity.providerType())) {
                        throw new ProviderAlreadyLinkedException(identity.providerType());
                    }
                    insert(c, appId, userId, anon, 0);
                    position = 1;
                }
                insert(c, appId, userId, identity, position);
                try (PreparedStatement ps = c.prepareStatement("UPDATE users SET anonymous = ? WHERE id = ?")) {
                    ps.setBoolean(1, false);
                    ps.setString(2, userId);
                    ps.executeUpdate();
                }
                OutboxWrites.insert(c, appId, userId, dev.atrium.core.events.UserEvent.LINKED, identity.providerType(),
                        identity.createdAt(), null, wasGuest);
                return true;
            });
        } catch (UniqueViolationException e) {
            throw new IdentityTakenException(identity.providerType(), identity.subject());
        }
    }

    private static void insert(Connection c, String appId, String userId, Identity identity, int position) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO identities "
                + "(app_id, provider_type, subject, user_id, position, provider_data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, appId);
            ps.setString(2, identity.providerType());
            ps.setString(3, identity.subject());
            ps.setString(4, userId);
            ps.setInt(5, position);
            ps.setString(6, identity.providerData().isEmpty() ? null : Json.write(identity.providerData()));
            ps.setLong(7, identity.createdAt().toEpochMilli());
            ps.executeUpdate();
        }
    }
}
