package dev.atrium.store.jdbc;

import dev.atrium.core.events.UserEvent;
import dev.atrium.core.kernel.Json;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * The SQL of sign-ups: any number of (user, identities, session, user.created event) in multi-row
 * INSERTs (a guest's identity is implied by its user row and gets no row: {@link ImpliedIdentity}).
 * PostgreSQL gets one statement of data-modifying CTEs (atomic on its own, so it runs in
 * autocommit: one round trip, no BEGIN/COMMIT; foreign keys are checked at the end of the
 * statement, so children may sit beside their parent). SQLite, which has no such CTEs, gets four
 * statements in the caller's transaction.
 */
final class SignupSql {
    static final String USER_COLUMNS = "users (id, app_id, type, disabled, anonymous, created_at, last_active_at, custom_data)";
    static final String IDENTITY_COLUMNS = "identities (app_id, provider_type, subject, user_id, position, provider_data, created_at)";
    /** A session's app is its user's (V11 dropped the column: docs/stores.md, "Sessions"). */
    static final String SESSION_COLUMNS = "sessions (id, user_id, device_id, refresh_hash, created_at, expires_at)";
    private static final String USER_ROW = "(?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SEVEN = "(?, ?, ?, ?, ?, ?, ?)";
    private static final String SESSION_ROW = "(?, ?, ?, ?, ?, ?)";
    private static final String EVENT_ROW = "(?, ?, ?, ?, ?, ?)";

    /** One sign-up. */
    record Signup(User user, Session session) {}

    private SignupSql() {}

    /** The batch as one statement of data-modifying CTEs (atomic on its own). */
    static void insertInOneStatement(Connection c, List<Signup> batch) throws SQLException {
        ImpliedIdentity.refuseTaken(c, users(batch));
        int identities = identities(batch);
        String sql = "WITH u AS (INSERT INTO " + USER_COLUMNS + " VALUES " + rows(USER_ROW, batch.size())
                + (identities == 0 ? "" : "), i AS (INSERT INTO " + IDENTITY_COLUMNS + " VALUES " + rows(SEVEN, identities))
                + "), s AS (INSERT INTO " + SESSION_COLUMNS + " VALUES " + rows(SESSION_ROW, batch.size())
                + ") INSERT INTO " + OutboxWrites.COLUMNS + " VALUES " + rows(EVENT_ROW, batch.size());
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = bindUsers(ps, 1, batch);
            p = bindIdentities(ps, p, batch);
            p = bindSessions(ps, p, batch);
            bindEvents(ps, p, batch);
            ps.executeUpdate();
        }
    }

    /** The batch as four statements, in the caller's transaction. */
    static void insertStatementByStatement(Connection c, List<Signup> batch) throws SQLException {
        ImpliedIdentity.refuseTaken(c, users(batch));
        int identities = identities(batch);
        execute(c, "INSERT INTO " + USER_COLUMNS + " VALUES " + rows(USER_ROW, batch.size()), ps -> bindUsers(ps, 1, batch));
        if (identities > 0) {
            execute(c, "INSERT INTO " + IDENTITY_COLUMNS + " VALUES " + rows(SEVEN, identities), ps -> bindIdentities(ps, 1, batch));
        }
        execute(c, "INSERT INTO " + SESSION_COLUMNS + " VALUES " + rows(SESSION_ROW, batch.size()), ps -> bindSessions(ps, 1, batch));
        execute(c, "INSERT INTO " + OutboxWrites.COLUMNS + " VALUES " + rows(EVENT_ROW, batch.size()), ps -> bindEvents(ps, 1, batch));
    }

    static List<User> users(List<Signup> batch) {
        return batch.stream().map(Signup::user).toList();
    }

    /** How many identity rows the batch writes: none for a guest's implied identity ({@link ImpliedIdentity}). */
    private static int identities(List<Signup> batch) {
        return batch.stream().mapToInt(s -> ImpliedIdentity.stored(s.user()).size()).sum();
    }

    /** The user row and its identity rows only (server API keys), in the caller's transaction. */
    static void insertUserAndIdentities(Connection c, User user) throws SQLException {
        List<Signup> one = List.of(new Signup(user, null));
        ImpliedIdentity.refuseTaken(c, List.of(user));
        execute(c, "INSERT INTO " + USER_COLUMNS + " VALUES " + USER_ROW, ps -> bindUsers(ps, 1, one));
        if (identities(one) > 0) {
            execute(c, "INSERT INTO " + IDENTITY_COLUMNS + " VALUES " + rows(SEVEN, identities(one)),
                    ps -> bindIdentities(ps, 1, one));
        }
    }

    @FunctionalInterface
    private interface Binder {
        int bind(PreparedStatement ps) throws SQLException;
    }

    private static void execute(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        }
    }

    private static String rows(String row, int n) {
        return String.join(", ", Collections.nCopies(n, row));
    }

    private static int bindUsers(PreparedStatement ps, int p, List<Signup> batch) throws SQLException {
        for (Signup s : batch) {
            User u = s.user();
            ps.setString(p++, u.id());
            ps.setString(p++, u.appId());
            ps.setString(p++, u.type().wire());
            ps.setBoolean(p++, u.disabled());
            ps.setBoolean(p++, u.isAnonymous());
            ps.setLong(p++, u.createdAt().toEpochMilli());
            ps.setLong(p++, u.lastActiveAt().toEpochMilli());
            ps.setString(p++, u.customData().isEmpty() ? null : Json.write(u.customData()));
        }
        return p;
    }

    private static int bindIdentities(PreparedStatement ps, int p, List<Signup> batch) throws SQLException {
        for (Signup s : batch) {
            User u = s.user();
            List<Identity> stored = ImpliedIdentity.stored(u);
            for (int pos = 0; pos < stored.size(); pos++) {
                Identity i = stored.get(pos);
                ps.setString(p++, u.appId());
                ps.setString(p++, i.providerType());
                ps.setString(p++, i.subject());
                ps.setString(p++, u.id());
                ps.setInt(p++, pos);
                ps.setString(p++, i.providerData().isEmpty() ? null : Json.write(i.providerData()));
                ps.setLong(p++, i.createdAt().toEpochMilli());
            }
        }
        return p;
    }

    private static int bindSessions(PreparedStatement ps, int p, List<Signup> batch) throws SQLException {
        for (Signup s : batch) {
            Session x = s.session();
            ps.setString(p++, x.id());
            ps.setString(p++, x.userId());
            ps.setString(p++, x.deviceId());
            ps.setString(p++, x.refreshHash());
            ps.setLong(p++, x.createdAt().toEpochMilli());
            ps.setLong(p++, x.expiresAt().toEpochMilli());
        }
        return p;
    }

    private static int bindEvents(PreparedStatement ps, int p, List<Signup> batch) throws SQLException {
        for (Signup s : batch) {
            User u = s.user();
            ps.setString(p++, u.appId());
            ps.setString(p++, u.id());
            ps.setString(p++, UserEvent.CREATED);
            ps.setString(p++, u.identities().get(0).providerType());
            ps.setLong(p++, u.createdAt().toEpochMilli());
            ps.setLong(p++, u.createdAt().toEpochMilli());
        }
        return p;
    }
}
