package dev.atrium.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** Writes outbox rows inside the caller's transaction (docs/architecture.md, Deletion never touches app data: the event commits with the change). */
final class OutboxWrites {
    static final String COLUMNS = "events (app_id, user_id, type, detail, created_at, next_attempt_at)";

    /** With the columns of an event that names a second user or converts a guest (V7). */
    private static final String FULL_COLUMNS =
            "events (app_id, user_id, type, detail, created_at, next_attempt_at, into_user_id, conversion)";

    private OutboxWrites() {}

    /**
     * An event that may name the user a guest was merged into ({@code into}, null otherwise) and may
     * be a conversion (a guest's first link, a merge: docs/events.md).
     */
    static void insert(Connection c, String appId, String userId, String type, String detail, Instant at, String into,
                       boolean conversion) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + FULL_COLUMNS + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, appId);
            ps.setString(2, userId);
            ps.setString(3, type);
            ps.setString(4, detail);
            ps.setLong(5, at.toEpochMilli());
            ps.setLong(6, at.toEpochMilli());
            ps.setString(7, into);
            ps.setBoolean(8, conversion);
            ps.executeUpdate();
        }
    }

    static void insert(Connection c, String appId, String userId, String type, String detail, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + COLUMNS + " VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, appId);
            ps.setString(2, userId);
            ps.setString(3, type);
            ps.setString(4, detail);
            ps.setLong(5, at.toEpochMilli());
            ps.setLong(6, at.toEpochMilli());
            ps.executeUpdate();
        }
    }
}
