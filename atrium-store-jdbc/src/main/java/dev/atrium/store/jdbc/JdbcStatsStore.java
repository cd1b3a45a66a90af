package dev.atrium.store.jdbc;

import dev.atrium.core.admin.StatsStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link StatsStore} over JDBC: two aggregate queries. */
final class JdbcStatsStore implements StatsStore {
    private static final long HOUR_MS = 3_600_000L;
    private final Database db;

    JdbcStatsStore(Database db) {
        this.db = db;
    }

    @Override
    public UserCounts countUsers(String appId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*), "
                    + "sum(CASE WHEN anonymous = ? THEN 1 ELSE 0 END), sum(CASE WHEN disabled = ? THEN 1 ELSE 0 END) "
                    + "FROM users WHERE app_id = ? AND type = 'normal'")) {
                ps.setBoolean(1, true);
                ps.setBoolean(2, true);
                ps.setString(3, appId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long total = rs.getLong(1);
                    long anonymous = rs.getLong(2);
                    return new UserCounts(total, anonymous, total - anonymous, rs.getLong(3));
                }
            }
        });
    }

    @Override
    public List<HourCount> eventsPerHour(String appId, Instant since) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT (created_at / " + HOUR_MS + ") * " + HOUR_MS
                    + " AS hour, type, detail, conversion, count(*) FROM events WHERE app_id = ? AND created_at >= ? "
                    + "GROUP BY 1, type, detail, conversion ORDER BY 1")) {
                ps.setString(1, appId);
                ps.setLong(2, since.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    List<HourCount> list = new ArrayList<>();
                    while (rs.next()) {
                        list.add(new HourCount(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), rs.getString(3),
                                rs.getBoolean(4), rs.getLong(5)));
                    }
                    return list;
                }
            }
        });
    }
}
