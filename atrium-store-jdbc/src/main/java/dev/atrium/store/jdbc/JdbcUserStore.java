package dev.atrium.store.jdbc;

import dev.atrium.core.kernel.Json;
import dev.atrium.core.users.DeletionReason;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserStore;
import dev.atrium.core.users.UserType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link UserStore} over JDBC. A user and its identities are read in one joined query, a guest's
 * implied identity ({@link ImpliedIdentity}) made up from the user row by the query itself.
 */
final class JdbcUserStore implements UserStore {
    /** A user row {@code u} left-joined with its identity rows {@code i}, a guest's implied identity included. */
    static final String USER_COLUMNS =
            "SELECT u.id, u.app_id, u.type, u.disabled, u.created_at, u.last_active_at, u.custom_data, "
                    + ImpliedIdentity.COLUMNS;
    private static final String SELECT_USER = USER_COLUMNS + "FROM users u LEFT JOIN identities i ON i.user_id = u.id ";
    /**
     * The access-token check (SessionGate): starts at the session's primary key, joins its user by
     * primary key and the identities by their user index. One statement, as the profile read was
     * before the session check: an ended session or a deleted user finds no row.
     */
    private static final String SELECT_USER_IN_SESSION = USER_COLUMNS
            + "FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN identities i ON i.user_id = u.id "
            + "WHERE s.id = ? AND s.user_id = ? AND u.app_id = ? AND s.expires_at > ? "
            + "ORDER BY i.position";

    private final Database db;

    JdbcUserStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<User> find(String appId, String userId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    SELECT_USER + "WHERE u.id = ? AND u.app_id = ? ORDER BY i.position")) {
                ps.setString(1, userId);
                ps.setString(2, appId);
                try (ResultSet rs = ps.executeQuery()) {
                    return readUser(rs);
                }
            }
        });
    }

    @Override
    public Optional<User> findInSession(String appId, String userId, String sessionId, Instant now) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_USER_IN_SESSION)) {
                ps.setString(1, sessionId);
                ps.setString(2, userId);
                ps.setString(3, appId);
                ps.setLong(4, now.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    return readUser(rs);
                }
            }
        });
    }

    @Override
    public Optional<User> findByIdentity(String appId, String providerType, String subject) {
        // A guest's implied identity has no row: its holder is the guest whose id is the subject.
        boolean anon = providerType.equals(User.ANON_PROVIDER);
        String holder = "(SELECT user_id FROM identities WHERE app_id = ? AND provider_type = ? AND subject = ?)";
        String implied = "(SELECT g.id FROM users g WHERE g.id = ? AND g.app_id = ? AND " + ImpliedIdentity.held("g") + ")";
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_USER
                    + "WHERE u.id = " + (anon ? "coalesce(" + holder + ", " + implied + ")" : holder) + " ORDER BY i.position")) {
                ps.setString(1, appId);
                ps.setString(2, providerType);
                ps.setString(3, subject);
                if (anon) {
                    ps.setString(4, subject);
                    ps.setString(5, appId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return readUser(rs);
                }
            }
        });
    }

    @Override
    public boolean delete(String appId, String userId, DeletionReason reason, Instant at) {
        // Identities, sessions and API keys go by ON DELETE CASCADE in the same statement, and the
        // e-mail/password account of a local-userpass identity with it (trigger, V4 migration).
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM users WHERE id = ? AND app_id = ?")) {
                ps.setString(1, userId);
                ps.setString(2, appId);
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            OutboxWrites.insert(c, appId, userId, dev.atrium.core.events.UserEvent.DELETED, reason.wire(), at);
            return true;
        });
    }

    @Override
    public boolean recordActivity(String appId, String userId, Instant at, Instant notAfter) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE users SET last_active_at = ? WHERE id = ? AND app_id = ? AND last_active_at <= ?")) {
                ps.setLong(1, at.toEpochMilli());
                ps.setString(2, userId);
                ps.setString(3, appId);
                ps.setLong(4, notAfter.toEpochMilli());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean setDisabled(String appId, String userId, boolean disabled) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE users SET disabled = ? WHERE id = ? AND app_id = ?")) {
                ps.setBoolean(1, disabled);
                ps.setString(2, userId);
                ps.setString(3, appId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Reads joined rows of several users ordered by user id then identity position. */
    static List<User> readUsers(ResultSet rs) throws SQLException {
        List<User> users = new ArrayList<>();
        boolean more = rs.next();
        while (more) {
            Read read = readOne(rs);
            users.add(read.user());
            more = read.more();
        }
        return users;
    }

    /** Reads the joined rows of one user (one row per identity, in order); empty when no row. */
    static Optional<User> readUser(ResultSet rs) throws SQLException {
        return rs.next() ? Optional.of(readOne(rs).user()) : Optional.empty();
    }

    /**
     * Reads one user from the joined rows, the cursor on its first row (columns 1–11 as in
     * {@code USER_COLUMNS}); for queries of one user, whose other columns the caller read first.
     */
    static User readUserFromCurrentRow(ResultSet rs) throws SQLException {
        return readOne(rs).user();
    }

    private record Read(User user, boolean more) {}

    /** One user from its rows, the cursor on the first; stops at the next user's row or the end. */
    private static Read readOne(ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        String appId = rs.getString(2);
        UserType type = UserType.fromWire(rs.getString(3));
        boolean disabled = rs.getBoolean(4);
        Instant created = Instant.ofEpochMilli(rs.getLong(5));
        Instant lastActive = Instant.ofEpochMilli(rs.getLong(6));
        Map<String, Object> custom = Json.readObject(rs.getString(7));
        List<Identity> identities = new ArrayList<>();
        boolean more;
        do {
            if (rs.getString(8) != null) {
                identities.add(new Identity(rs.getString(8), rs.getString(9), Json.readObject(rs.getString(10)),
                        Instant.ofEpochMilli(rs.getLong(11))));
            }
            more = rs.next();
        } while (more && rs.getString(1).equals(id));
        return new Read(new User(id, appId, type, disabled, created, lastActive, custom, identities), more);
    }
}
