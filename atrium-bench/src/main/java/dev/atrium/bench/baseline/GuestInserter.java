package dev.atrium.bench.baseline;

import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.kernel.Secrets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Inserts one guest (user and session; its anon-user identity is implied by the user row, whose id
 * is the identity's subject: docs/stores.md, "Guests' identity") on one connection the way the
 * server's JdbcSignupStore does, with the same columns and value shapes: 24-hex ObjectIds, a SHA-256
 * refresh hash, epoch-millisecond times. Statements are prepared once per connection.
 */
final class GuestInserter implements AutoCloseable {
    static final String USERS =
            "users (id, app_id, type, disabled, anonymous, created_at, last_active_at, custom_data)";
    static final String IDENTITIES =
            "identities (app_id, provider_type, subject, user_id, position, provider_data, created_at)";
    static final String SESSIONS =
            "sessions (id, user_id, device_id, refresh_hash, created_at, expires_at)";
    private static final String USER_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SESSION_VALUES = "(?, ?, ?, ?, ?, ?)";
    private static final long REFRESH_LIFETIME_MS = Duration.ofDays(60).toMillis();

    private final Connection connection;
    private final String appId;
    private final InsertForm form;
    private final PreparedStatement[] statements;

    GuestInserter(Connection connection, String appId, InsertForm form) throws SQLException {
        this.connection = connection;
        this.appId = appId;
        this.form = form;
        connection.setAutoCommit(form == InsertForm.CTE_AUTOCOMMIT);
        this.statements = form == InsertForm.TRANSACTION
                ? new PreparedStatement[] {
                    connection.prepareStatement("INSERT INTO " + USERS + " VALUES " + USER_VALUES),
                    connection.prepareStatement("INSERT INTO " + SESSIONS + " VALUES " + SESSION_VALUES)}
                : new PreparedStatement[] {connection.prepareStatement("WITH u AS (INSERT INTO " + USERS + " VALUES "
                    + USER_VALUES + ") INSERT INTO " + SESSIONS + " VALUES " + SESSION_VALUES)};
    }

    /** One guest, committed (in autocommit: by its one statement). */
    void insertOne() throws SQLException {
        try {
            insertRows();
            if (form != InsertForm.CTE_AUTOCOMMIT) {
                connection.commit();
            }
        } catch (SQLException e) {
            if (form != InsertForm.CTE_AUTOCOMMIT) {
                connection.rollback();
            }
            throw e;
        }
    }

    /** One guest's rows in the open transaction; the caller commits (footprint batches). */
    void insertRows() throws SQLException {
        insertRows(Instant.now());
    }

    /** The same, created and last active at {@code now} (the sweep measurement's expired guests). */
    void insertRows(Instant now) throws SQLException {
        String userId = ObjectIds.next(now);
        String refreshHash = Secrets.hash(Secrets.random(32));
        if (form == InsertForm.TRANSACTION) {
            bindUser(statements[0], 1, userId, now);
            statements[0].executeUpdate();
            bindSession(statements[1], 1, userId, refreshHash, now);
            statements[1].executeUpdate();
        } else {
            int p = bindUser(statements[0], 1, userId, now);
            bindSession(statements[0], p, userId, refreshHash, now);
            statements[0].executeUpdate();
        }
    }

    /**
     * The same rows as {@link #insertRows(Instant)}, added to JDBC batches (TRANSACTION form) that
     * {@link #flush} sends: one round trip per table instead of one per row, for bulk seeding.
     */
    void addRows(Instant now) throws SQLException {
        if (form != InsertForm.TRANSACTION) {
            throw new IllegalStateException("batches are for the statement-by-statement form");
        }
        String userId = ObjectIds.next(now);
        bindUser(statements[0], 1, userId, now);
        statements[0].addBatch();
        bindSession(statements[1], 1, userId, Secrets.hash(Secrets.random(32)), now);
        statements[1].addBatch();
    }

    /** Sends the batches, users first (sessions reference them). */
    void flush() throws SQLException {
        for (PreparedStatement ps : statements) {
            ps.executeBatch();
        }
    }

    Connection connection() {
        return connection;
    }

    private int bindUser(PreparedStatement ps, int p, String userId, Instant now) throws SQLException {
        ps.setString(p++, userId);
        ps.setString(p++, appId);
        ps.setString(p++, "normal");
        ps.setBoolean(p++, false);
        ps.setBoolean(p++, true);
        ps.setLong(p++, now.toEpochMilli());
        ps.setLong(p++, now.toEpochMilli());
        ps.setString(p++, null);
        return p;
    }

    private int bindSession(PreparedStatement ps, int p, String userId, String refreshHash, Instant now) throws SQLException {
        ps.setString(p++, ObjectIds.next(now));
        ps.setString(p++, userId);
        ps.setString(p++, ObjectIds.next(now));
        ps.setString(p++, refreshHash);
        ps.setLong(p++, now.toEpochMilli());
        ps.setLong(p++, now.toEpochMilli() + REFRESH_LIFETIME_MS);
        return p;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
