package dev.atrium.store.jdbc;

import dev.atrium.core.admin.UserCursor;
import dev.atrium.core.admin.UserFilter;
import dev.atrium.core.admin.UserQueryStore;
import dev.atrium.core.admin.UserSearch;
import dev.atrium.core.admin.UserSort;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.users.User;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link UserQueryStore} over JDBC. A page is one query for the users (keyset pagination, so deep
 * pages cost what the first does) and one for their identities. A search by e-mail is a range of
 * the {@code identities_by_email} index, whose expression each {@link Dialect} writes.
 */
final class JdbcUserQueryStore implements UserQueryStore {
    /** Greater than every 24-hex id: the bound of a descending list's first page. */
    static final String PAST_EVERY_ID = "~";
    private final Database db;

    JdbcUserQueryStore(Database db) {
        this.db = db;
    }

    @Override
    public List<User> list(String appId, UserFilter filter, UserSort sort, UserCursor after, int limit) {
        Where w = where(appId, filter);
        String order = keyset(w, sort, after);
        return db.read(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT u.id FROM users u" + w.sql() + " ORDER BY " + order + " LIMIT ?")) {
                int p = w.bind(ps, 1);
                ps.setInt(p, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            Map<String, User> found = new LinkedHashMap<>();
            for (String id : ids) {
                found.put(id, null);
            }
            if (!ids.isEmpty()) {
                String in = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement(JdbcUserStore.USER_COLUMNS
                        + "FROM users u LEFT JOIN identities i ON i.user_id = u.id WHERE u.id IN (" + in + ") ORDER BY u.id, i.position")) {
                    for (int i = 0; i < ids.size(); i++) {
                        ps.setString(i + 1, ids.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        JdbcUserStore.readUsers(rs).forEach(u -> found.put(u.id(), u));
                    }
                }
            }
            return found.values().stream().filter(java.util.Objects::nonNull).toList();
        });
    }

    @Override
    public long count(String appId, UserFilter filter) {
        Where w = where(appId, filter);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM users u" + w.sql())) {
                w.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public List<Session> sessions(String appId, String userId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT s.id, u.app_id, s.user_id, s.device_id, s.refresh_hash, "
                    + "s.created_at, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id "
                    + "WHERE u.app_id = ? AND s.user_id = ? ORDER BY s.created_at DESC, s.id DESC")) {
                ps.setString(1, appId);
                ps.setString(2, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Session> list = new ArrayList<>();
                    while (rs.next()) {
                        list.add(new Session(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), Instant.ofEpochMilli(rs.getLong(7))));
                    }
                    return list;
                }
            }
        });
    }

    /**
     * Adds the page's start to {@code w} and returns the ORDER BY. The created orders always bound
     * the id, the first page by a value past every id ({@link #PAST_EVERY_ID}): with the bound, the
     * engine walks the primary key in either direction and stops at the page's end (without one,
     * SQLite sorts the whole app for a descending page). The activity orders compare (time, id) rows.
     */
    private static String keyset(Where w, UserSort sort, UserCursor after) {
        String cmp = sort.descending() ? "<" : ">";
        String dir = sort.descending() ? " DESC" : "";
        if (!sort.byActivity()) {
            w.add("u.id " + cmp + " ?", after != null ? after.id() : sort.descending() ? PAST_EVERY_ID : "");
            return "u.id" + dir;
        }
        if (after != null) {
            w.add("(u.last_active_at, u.id) " + cmp + " (?, ?)", after.lastActiveAt().toEpochMilli(), after.id());
        }
        return "u.last_active_at" + dir + ", u.id" + dir;
    }

    private Where where(String appId, UserFilter f) {
        Where w = new Where();
        w.add("u.app_id = ?", appId);
        if (f.kind() != null) {
            w.add("u.anonymous = ?", f.kind().equals("anonymous"));
        }
        if (f.disabled() != null) {
            w.add("u.disabled = ?", f.disabled());
        }
        if (f.provider() != null) {
            String rows = "EXISTS (SELECT 1 FROM identities x WHERE x.user_id = u.id AND x.provider_type = ?)";
            // A guest's implied anon-user identity has no row (ImpliedIdentity).
            w.add(f.provider().equals(User.ANON_PROVIDER) ? "(" + rows + " OR " + ImpliedIdentity.held("u") + ")" : rows,
                    f.provider());
        }
        if (f.inactiveSince() != null) {
            w.add("u.last_active_at < ?", f.inactiveSince().toEpochMilli());
        }
        if (f.createdAfter() != null) {
            w.add("u.created_at >= ?", f.createdAfter().toEpochMilli());
        }
        if (f.createdBefore() != null) {
            w.add("u.created_at < ?", f.createdBefore().toEpochMilli());
        }
        switch (f.search()) {
            case null -> { }
            case UserSearch.ById id -> w.add("u.id = ?", id.userId());
            case UserSearch.ByEmailPrefix p -> byEmail(w, appId, p);
        }
        return w;
    }

    /** Users holding an identity whose e-mail is in [prefix, upper bound): a range of the e-mail index. */
    private void byEmail(Where w, String appId, UserSearch.ByEmailPrefix p) {
        String email = db.dialect().identityEmail("x");
        String upper = p.upperBound();
        String sub = "SELECT x.user_id FROM identities x WHERE x.app_id = ? AND " + email + " >= ?"
                + (upper == null ? "" : " AND " + email + " < ?");
        w.add(db.dialect().amongSelected("u.id", sub), upper == null ? new Object[] {appId, p.prefix()}
                : new Object[] {appId, p.prefix(), upper});
    }

    /** A WHERE clause and its parameters, in order. */
    private static final class Where {
        private final List<String> clauses = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();

        void add(String clause, Object... values) {
            clauses.add(clause);
            params.addAll(List.of(values));
        }

        String sql() {
            return " WHERE " + String.join(" AND ", clauses);
        }

        int bind(PreparedStatement ps, int from) throws SQLException {
            int p = from;
            for (Object o : params) {
                if (o instanceof Boolean b) {
                    ps.setBoolean(p++, b);
                } else {
                    ps.setObject(p++, o);
                }
            }
            return p;
        }
    }
}
