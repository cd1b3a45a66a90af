package dev.atrium.store.jdbc;

import dev.atrium.core.kernel.Json;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The writes of an import batch ({@link JdbcImportStore}): upserts of as many rows a statement as
 * the engine likes best ({@link Chunks}), in the caller's transaction. {@code ON CONFLICT … DO UPDATE}
 * with {@code excluded} is the same on both engines. A user already there keeps the later of its
 * last activity and the imported one, and its custom data when the import has none; an identity
 * already there gets its new position and provider data; an account already there is left alone.
 */
final class ImportSql {
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

    static void write(Connection c, Dialect dialect, List<User> users, List<Account> accounts) throws SQLException {
        int size = dialect.rowsPerStatement();
        Chunks.write(c, users, size, n -> String.format(USERS, Chunks.rows(8, n)), (ps, p, u) -> {
            ps.setString(p++, u.id());
            ps.setString(p++, u.appId());
            ps.setString(p++, u.type().wire());
            ps.setBoolean(p++, u.disabled());
            ps.setBoolean(p++, u.isAnonymous());
            ps.setLong(p++, u.createdAt().toEpochMilli());
            ps.setLong(p++, u.lastActiveAt().toEpochMilli());
            ps.setString(p++, u.customData().isEmpty() ? null : Json.write(u.customData()));
            return p;
        });
        List<IdentityRow> identities = new ArrayList<>();
        for (User u : users) {
            for (int pos = 0; pos < u.identities().size(); pos++) {
                identities.add(new IdentityRow(u, pos, u.identities().get(pos)));
            }
        }
        Chunks.write(c, identities, size, n -> String.format(IDENTITIES, Chunks.rows(7, n)), (ps, p, r) -> {
            ps.setString(p++, r.user().appId());
            ps.setString(p++, r.identity().providerType());
            ps.setString(p++, r.identity().subject());
            ps.setString(p++, r.user().id());
            ps.setInt(p++, r.position());
            ps.setString(p++, r.identity().providerData().isEmpty() ? null : Json.write(r.identity().providerData()));
            ps.setLong(p++, r.identity().createdAt().toEpochMilli());
            return p;
        });
        Chunks.write(c, accounts, size, n -> String.format(ACCOUNTS, Chunks.rows(6, n)), (ps, p, a) -> {
            ps.setString(p++, a.id());
            ps.setString(p++, a.appId());
            ps.setString(p++, a.email());
            ps.setString(p++, JdbcUserpassStore.NO_PASSWORD);
            ps.setBoolean(p++, true);
            ps.setLong(p++, a.createdAt().toEpochMilli());
            return p;
        });
    }
}
