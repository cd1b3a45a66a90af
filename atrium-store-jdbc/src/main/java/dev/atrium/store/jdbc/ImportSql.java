package dev.atrium.store.jdbc;

import dev.atrium.core.kernel.Json;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * The writes of an import batch ({@link JdbcImportStore}): multi-row upserts, at most
 * {@link #ROWS} rows a statement, in the caller's transaction. {@code ON CONFLICT … DO UPDATE}
 * with {@code excluded} is the same on both engines. A user already there keeps the later of its
 * last activity and the imported one, and its custom data when the import has none; an identity
 * already there gets its new position and provider data; an account already there is left alone.
 */
final class ImportSql {
    private static final int ROWS = 400;
    private static final String USERS = "INSERT INTO " + SignupSql.USER_COLUMNS + " VALUES %s ON CONFLICT (id) DO UPDATE SET "
            + "type = excluded.type, disabled = excluded.disabled, anonymous = excluded.anonymous, "
            + "created_at = excluded.created_at, last_active_at = CASE WHEN excluded.last_active_at > users.last_active_at "
            + "THEN excluded.last_active_at ELSE users.last_active_at END, "
            + "custom_data = COALESCE(excluded.custom_data, users.custom_data)";
    private static final String IDENTITIES = "INSERT INTO " + SignupSql.IDENTITY_COLUMNS + " VALUES %s "
            + "ON CONFLICT (app_id, provider_type, subject) DO UPDATE SET position = excluded.position, "
            + "provider_data = excluded.provider_data";
    private static final String ACCOUNTS = "INSERT INTO userpass (id, app_id, email, password_hash, confirmed, created_at) "
            + "VALUES %s ON CONFLICT DO NOTHING";

    /** An e-mail account to create: confirmed, without a password. */
    record Account(String id, String appId, String email, Instant createdAt) {}

    private record IdentityRow(User user, int position, Identity identity) {}

    private ImportSql() {}

    static void write(Connection c, List<User> users, List<Account> accounts) throws SQLException {
        for (List<User> chunk : chunks(users)) {
            try (PreparedStatement ps = c.prepareStatement(String.format(USERS, rows(8, chunk.size())))) {
                int p = 1;
                for (User u : chunk) {
                    ps.setString(p++, u.id());
                    ps.setString(p++, u.appId());
                    ps.setString(p++, u.type().wire());
                    ps.setBoolean(p++, u.disabled());
                    ps.setBoolean(p++, u.isAnonymous());
                    ps.setLong(p++, u.createdAt().toEpochMilli());
                    ps.setLong(p++, u.lastActiveAt().toEpochMilli());
                    ps.setString(p++, u.customData().isEmpty() ? null : Json.write(u.customData()));
                }
                ps.executeUpdate();
            }
        }
        List<IdentityRow> identities = new java.util.ArrayList<>();
        for (User u : users) {
            for (int pos = 0; pos < u.identities().size(); pos++) {
                identities.add(new IdentityRow(u, pos, u.identities().get(pos)));
            }
        }
        for (List<IdentityRow> chunk : chunks(identities)) {
            try (PreparedStatement ps = c.prepareStatement(String.format(IDENTITIES, rows(7, chunk.size())))) {
                int p = 1;
                for (IdentityRow r : chunk) {
                    ps.setString(p++, r.user().appId());
                    ps.setString(p++, r.identity().providerType());
                    ps.setString(p++, r.identity().subject());
                    ps.setString(p++, r.user().id());
                    ps.setInt(p++, r.position());
                    ps.setString(p++, r.identity().providerData().isEmpty() ? null : Json.write(r.identity().providerData()));
                    ps.setLong(p++, r.identity().createdAt().toEpochMilli());
                }
                ps.executeUpdate();
            }
        }
        for (List<Account> chunk : chunks(accounts)) {
            try (PreparedStatement ps = c.prepareStatement(String.format(ACCOUNTS, rows(6, chunk.size())))) {
                int p = 1;
                for (Account a : chunk) {
                    ps.setString(p++, a.id());
                    ps.setString(p++, a.appId());
                    ps.setString(p++, a.email());
                    ps.setString(p++, JdbcUserpassStore.NO_PASSWORD);
                    ps.setBoolean(p++, true);
                    ps.setLong(p++, a.createdAt().toEpochMilli());
                }
                ps.executeUpdate();
            }
        }
    }

    private static <T> List<List<T>> chunks(List<T> rows) {
        List<List<T>> out = new java.util.ArrayList<>();
        for (int from = 0; from < rows.size(); from += ROWS) {
            out.add(rows.subList(from, Math.min(rows.size(), from + ROWS)));
        }
        return out;
    }

    private static String rows(int columns, int n) {
        String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return String.join(", ", Collections.nCopies(n, row));
    }
}
