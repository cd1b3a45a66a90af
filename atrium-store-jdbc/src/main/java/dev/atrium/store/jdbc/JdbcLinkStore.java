package dev.atrium.store.jdbc;

import dev.atrium.core.auth.IdentityTakenException;
import dev.atrium.core.auth.LinkStore;
import dev.atrium.core.auth.ProviderAlreadyLinkedException;
import dev.atrium.core.kernel.Json;
import dev.atrium.core.users.Identity;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

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
                try (PreparedStatement ps = c.prepareStatement("SELECT anonymous FROM users WHERE id = ? AND app_id = ?" + lock)) {
                    ps.setString(1, userId);
                    ps.setString(2, appId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return false;
                        }
                        wasGuest = rs.getBoolean(1);
                    }
                }
                int position;
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*), coalesce(max(position), -1), "
                        + "sum(CASE WHEN provider_type = ? THEN 1 ELSE 0 END) FROM identities WHERE user_id = ?")) {
                    ps.setString(1, identity.providerType());
                    ps.setString(2, userId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(3) > 0) {
                            throw new ProviderAlreadyLinkedException(identity.providerType());
                        }
                        position = rs.getInt(2) + 1;
                    }
                }
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
}
