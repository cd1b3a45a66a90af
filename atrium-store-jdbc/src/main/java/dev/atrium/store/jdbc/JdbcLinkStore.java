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
        try {
            return db.write(c -> {
                LockedUser user = lockUser(c, appId, userId);
                if (user == null) {
                    return false;
                }
                // the primary key below cannot see a guest's implied identity (ImpliedIdentity)
                ImpliedIdentity.refuseTaken(c, appId, identity);
                int position = nextPosition(c, userId, identity.providerType());
                if (user.anonymous() && position == 0) {
                    // The guest's identity was implied by its user row (ImpliedIdentity): written out
                    // first, so the linked user keeps it, first, as if it had always been stored.
                    if (identity.providerType().equals(User.ANON_PROVIDER)) {
                        throw new ProviderAlreadyLinkedException(identity.providerType());
                    }
                    insert(c, appId, userId, new Identity(User.ANON_PROVIDER, userId, Map.of(), user.createdAt()), 0);
                    position = 1;
                }
                insert(c, appId, userId, identity, position);
                try (PreparedStatement ps = c.prepareStatement("UPDATE users SET anonymous = ? WHERE id = ?")) {
                    ps.setBoolean(1, false);
                    ps.setString(2, userId);
                    ps.executeUpdate();
                }
                OutboxWrites.insert(c, appId, userId, dev.atrium.core.events.UserEvent.LINKED, identity.providerType(),
                        identity.createdAt(), null, user.anonymous());
                return true;
            });
        } catch (UniqueViolationException e) {
            throw new IdentityTakenException(identity.providerType(), identity.subject());
        }
    }

    /** The user row as the link found it, locked for the rest of the transaction. */
    private record LockedUser(boolean anonymous, Instant createdAt) {}

    /** Locks the user's row ({@link Dialect#forUpdate}); null when there is no such user. */
    private LockedUser lockUser(Connection c, String appId, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT anonymous, created_at FROM users WHERE id = ? AND app_id = ?"
                + db.dialect().forUpdate())) {
            ps.setString(1, userId);
            ps.setString(2, appId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new LockedUser(rs.getBoolean(1), Instant.ofEpochMilli(rs.getLong(2))) : null;
            }
        }
    }

    /**
     * The position of the user's next identity row (0 when it has none: a guest's identity is
     * implied); refused when the user already holds an identity of {@code providerType}.
     */
    private static int nextPosition(Connection c, String userId, String providerType) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(position), -1), "
                + "sum(CASE WHEN provider_type = ? THEN 1 ELSE 0 END) FROM identities WHERE user_id = ?")) {
            ps.setString(1, providerType);
            ps.setString(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(2) > 0) {
                    throw new ProviderAlreadyLinkedException(providerType);
                }
                return rs.getInt(1) + 1;
            }
        }
    }

    private static void insert(Connection c, String appId, String userId, Identity identity, int position) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + SignupSql.IDENTITY_COLUMNS + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
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
