package dev.atrium.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.core.admin.UserFilter;
import dev.atrium.core.admin.UserSort;
import dev.atrium.core.kernel.Json;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.sessions.SessionWithUser;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * The V11 migration (sessions keyed by user and id, without app_id) over a store written at V10
 * (guests with their anon-user identity row, a linked user, sessions with their app_id): after it
 * every read returns what the V10 store held, and new guests (identity implied) live beside the old
 * ones. Run on SQLite and PostgreSQL by {@link MigrationV11Test} and {@link PostgresMigrationV11Test}.
 */
final class MigrationV11 {
    private static final String APP = "app-v10";
    private static final Instant T = Instant.parse("2026-11-30T10:15:30.123Z");
    private static final Instant EXPIRES = T.plusSeconds(86_400L * 60);

    private static final User GUEST = new User("5f0000000000000000000001", APP, UserType.NORMAL, false, T, T.plusSeconds(5),
            Map.of(), List.of(new Identity(User.ANON_PROVIDER, "5f00000000000000000000a1", Map.of(), T.plusMillis(1))));
    private static final User LINKED = new User("5f0000000000000000000002", APP, UserType.NORMAL, false, T, T.plusSeconds(9),
            Map.of("plan", "gold"), List.of(
                    new Identity(User.ANON_PROVIDER, "5f00000000000000000000a2", Map.of(), T),
                    new Identity("local-userpass", "5f00000000000000000000b2", Map.of("email", "ada@example.com"), T.plusSeconds(7))));
    private static final Session GUEST_SESSION = new Session("5f00000000000000000000c1", APP, GUEST.id(),
            "5f00000000000000000000d1", "hash-1", T, EXPIRES);
    private static final Session LINKED_OLD = new Session("5f00000000000000000000c2", APP, LINKED.id(),
            "5f00000000000000000000d2", "hash-2", T, EXPIRES);
    private static final Session LINKED_NEW = new Session("5f00000000000000000000c3", APP, LINKED.id(),
            "5f00000000000000000000d3", "hash-3", T.plusSeconds(8), EXPIRES);

    private MigrationV11() {}

    /** Migrates a new store at {@code settings} to V10, writes the V10 rows, opens it (V11) and checks every read. */
    static void run(JdbcSettings settings) throws SQLException {
        try (Database db = Database.open(settings)) {
            var config = Flyway.configure().dataSource(db.migrationSource()).locations(db.dialect().migrationLocation())
                    .target("10");
            if (settings.schema() != null) {
                config.schemas(settings.schema()).defaultSchema(settings.schema());
            }
            config.load().migrate();
            db.write(c -> {
                writeV10(c);
                return null;
            });
        }
        try (JdbcStore store = JdbcStore.open(settings, TestKeys.KEY)) {
            assertThat(store.migrationsApplied()).isOne();
            assertReadsAsAtV10(store);
        }
    }

    private static void writeV10(Connection c) throws SQLException {
        update(c, "INSERT INTO apps (id, name, created_at, settings) VALUES (?, ?, ?, ?)", APP, "v10", T.toEpochMilli(), "{}");
        for (User u : List.of(GUEST, LINKED)) {
            update(c, "INSERT INTO users (id, app_id, type, disabled, anonymous, created_at, last_active_at, custom_data) "
                    + "VALUES (?, ?, 'normal', ?, ?, ?, ?, ?)", u.id(), APP, false, u.isAnonymous(), u.createdAt().toEpochMilli(),
                    u.lastActiveAt().toEpochMilli(), u.customData().isEmpty() ? null : Json.write(u.customData()));
            for (int pos = 0; pos < u.identities().size(); pos++) {
                Identity i = u.identities().get(pos);
                update(c, "INSERT INTO identities (app_id, provider_type, subject, user_id, position, provider_data, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", APP, i.providerType(), i.subject(), u.id(), pos,
                        i.providerData().isEmpty() ? null : Json.write(i.providerData()),
                        i.createdAt().toEpochMilli());
            }
        }
        for (Session s : List.of(GUEST_SESSION, LINKED_OLD, LINKED_NEW)) {
            update(c, "INSERT INTO sessions (id, app_id, user_id, device_id, refresh_hash, created_at, expires_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", s.id(), s.appId(), s.userId(), s.deviceId(), s.refreshHash(),
                    s.createdAt().toEpochMilli(), s.expiresAt().toEpochMilli());
        }
    }

    private static void assertReadsAsAtV10(JdbcStore store) {
        assertThat(store.users().find(APP, GUEST.id())).contains(GUEST);
        assertThat(store.users().find(APP, LINKED.id())).contains(LINKED);
        assertThat(store.users().findByIdentity(APP, User.ANON_PROVIDER, "5f00000000000000000000a1")).contains(GUEST);
        assertThat(store.users().findByIdentity(APP, "local-userpass", "5f00000000000000000000b2")).contains(LINKED);
        assertThat(store.users().findInSession(APP, GUEST.id(), GUEST_SESSION.id(), T)).contains(GUEST);
        assertThat(store.users().findInSession("other-app", GUEST.id(), GUEST_SESSION.id(), T)).isEmpty();
        assertThat(store.sessions().find(GUEST_SESSION.userId(), GUEST_SESSION.id())).contains(GUEST_SESSION);
        assertThat(store.sessions().find(LINKED.id(), GUEST_SESSION.id())).isEmpty();
        assertThat(store.sessions().findWithUser(LINKED_OLD.userId(), LINKED_OLD.id())).contains(new SessionWithUser(LINKED_OLD, LINKED));
        assertThat(store.userQueries().sessions(APP, LINKED.id())).containsExactly(LINKED_NEW, LINKED_OLD);
        assertThat(store.userQueries().sessions("other-app", LINKED.id())).isEmpty();
        assertThat(store.userQueries().list(APP, new UserFilter(null, null, User.ANON_PROVIDER, null, null, null, null),
                UserSort.CREATED, null, 10)).containsExactlyInAnyOrder(GUEST, LINKED);
        assertThat(store.userQueries().list(APP, new UserFilter("anonymous", null, null, null, null, null, null),
                UserSort.CREATED, null, 10)).containsExactly(GUEST);

        // A guest signed up after the migration (identity implied) beside the old ones; a link keeps the old row.
        String id = "5f0000000000000000000003";
        User fresh = new User(id, APP, UserType.NORMAL, false, T, T, Map.of(), List.of(new Identity(User.ANON_PROVIDER, id, Map.of(), T)));
        Session freshSession = new Session("5f00000000000000000000c4", APP, id, "5f00000000000000000000d4", "hash-4", T, EXPIRES);
        store.signups().createUserWithSession(fresh, freshSession);
        assertThat(store.sessions().findWithUser(freshSession.userId(), freshSession.id())).contains(new SessionWithUser(freshSession, fresh));
        Identity google = new Identity("oauth2-google", "g-1", Map.of("email", "bo@example.com"), T.plusSeconds(20));
        assertThat(store.links().addIdentity(APP, GUEST.id(), google)).isTrue();
        assertThat(store.users().find(APP, GUEST.id()).orElseThrow().identities())
                .containsExactly(GUEST.identities().get(0), google);
        assertThat(store.sessions().revokeAll(APP, LINKED.id())).isEqualTo(2);
        assertThat(store.sessions().find(LINKED_OLD.userId(), LINKED_OLD.id())).isEmpty();
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}
