package dev.atrium.store.jdbc;

import dev.atrium.core.auth.IdentityTakenException;
import dev.atrium.core.auth.SignupStore;
import dev.atrium.core.events.UserEvent;
import dev.atrium.core.kernel.Json;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * {@link SignupStore} over JDBC: user, identities, session and the {@code user.created} event in
 * one transaction. On PostgreSQL it is one statement of data-modifying CTEs, one round trip
 * instead of six (BEGIN, four INSERTs, COMMIT); foreign keys are checked at the end of the statement, so the children may be
 * inserted beside their parent.
 */
final class JdbcSignupStore implements SignupStore {
    private static final String USER_COLUMNS =
            "users (id, app_id, type, disabled, anonymous, created_at, last_active_at, custom_data)";
    private static final String IDENTITY_COLUMNS =
            "identities (app_id, provider_type, subject, user_id, position, provider_data, created_at)";
    private static final String SESSION_COLUMNS =
            "sessions (id, app_id, user_id, device_id, refresh_hash, created_at, expires_at)";

    private final Database db;

    JdbcSignupStore(Database db) {
        this.db = db;
    }

    @Override
    public void createUserWithSession(User user, Session session) {
        try {
            db.write(c -> {
                if (db.dialect() == Dialect.POSTGRESQL) {
                    oneStatement(c, user, session);
                } else {
                    threeInserts(c, user, session);
                }
                return null;
            });
        } catch (UniqueViolationException e) {
            Identity first = user.identities().get(0);
            throw new IdentityTakenException(first.providerType(), first.subject());
        }
    }

    private static void threeInserts(Connection c, User user, Session session) throws SQLException {
        insertUserAndIdentities(c, user);
        JdbcSessionStore.insert(c, session);
        OutboxWrites.insert(c, user.appId(), user.id(), UserEvent.CREATED, user.identities().get(0).providerType(),
                user.createdAt());
    }

    /** The user row and its identity rows, in the caller's transaction. */
    static void insertUserAndIdentities(Connection c, User user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + USER_COLUMNS + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindUser(ps, 1, user);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + IDENTITY_COLUMNS + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int pos = 0; pos < user.identities().size(); pos++) {
                bindIdentity(ps, 1, user, pos);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void oneStatement(Connection c, User user, Session session) throws SQLException {
        StringBuilder sql = new StringBuilder("WITH u AS (INSERT INTO ").append(USER_COLUMNS)
                .append(" VALUES (?, ?, ?, ?, ?, ?, ?, ?)), i AS (INSERT INTO ").append(IDENTITY_COLUMNS).append(" VALUES ");
        for (int pos = 0; pos < user.identities().size(); pos++) {
            sql.append(pos == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
        }
        sql.append("), s AS (INSERT INTO ").append(SESSION_COLUMNS).append(" VALUES (?, ?, ?, ?, ?, ?, ?)) ")
                .append("INSERT INTO ").append(OutboxWrites.COLUMNS).append(" VALUES (?, ?, ?, ?, ?, ?)");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = bindUser(ps, 1, user);
            for (int pos = 0; pos < user.identities().size(); pos++) {
                p = bindIdentity(ps, p, user, pos);
            }
            ps.setString(p++, session.id());
            ps.setString(p++, session.appId());
            ps.setString(p++, session.userId());
            ps.setString(p++, session.deviceId());
            ps.setString(p++, session.refreshHash());
            ps.setLong(p++, session.createdAt().toEpochMilli());
            ps.setLong(p++, session.expiresAt().toEpochMilli());
            ps.setString(p++, user.appId());
            ps.setString(p++, user.id());
            ps.setString(p++, UserEvent.CREATED);
            ps.setString(p++, user.identities().get(0).providerType());
            ps.setLong(p++, user.createdAt().toEpochMilli());
            ps.setLong(p, user.createdAt().toEpochMilli());
            ps.executeUpdate();
        }
    }

    private static int bindUser(PreparedStatement ps, int p, User user) throws SQLException {
        ps.setString(p++, user.id());
        ps.setString(p++, user.appId());
        ps.setString(p++, user.type());
        ps.setBoolean(p++, user.disabled());
        ps.setBoolean(p++, user.isAnonymous());
        ps.setLong(p++, user.createdAt().toEpochMilli());
        ps.setLong(p++, user.lastActiveAt().toEpochMilli());
        ps.setString(p++, user.customData().isEmpty() ? null : Json.write(user.customData()));
        return p;
    }

    private static int bindIdentity(PreparedStatement ps, int p, User user, int pos) throws SQLException {
        Identity i = user.identities().get(pos);
        ps.setString(p++, user.appId());
        ps.setString(p++, i.providerType());
        ps.setString(p++, i.subject());
        ps.setString(p++, user.id());
        ps.setInt(p++, pos);
        ps.setString(p++, i.providerData().isEmpty() ? null : Json.write(i.providerData()));
        ps.setLong(p++, i.createdAt().toEpochMilli());
        return p;
    }
}
