package dev.atrium.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.kernel.Json;
import dev.atrium.core.tokens.SigningKey;
import dev.atrium.server.app.Stores;
import dev.atrium.server.config.AtriumConfig;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.PgSchema;
import dev.atrium.server.testing.TestServer;
import dev.atrium.store.jdbc.JdbcStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacker who can read Atrium's database (the SQLite file, PostgreSQL's rows, a backup) but
 * nothing else, against a running server configured as an operator would: no private key material,
 * no webhook secret, no SMTP password, no shared secret is there to read, the files are the owner's
 * alone, and a store written by the earlier release (secrets in the clear) is encrypted when the new
 * release starts on it, keeping every session and token it issued.
 */
class SecretsAtRestAttackTest {
    static final String WEBHOOK_SECRET = "whsec-" + UUID.randomUUID();
    static final String SMTP_PASSWORD = "smtp-" + UUID.randomUUID();
    static final String USERPASS_WEBHOOK_SECRET = "hook-" + UUID.randomUUID();
    static final String SHARED_SECRET = "shared-" + UUID.randomUUID() + UUID.randomUUID();

    @TempDir
    Path dir;

    /** Configures every kind of secret through the admin API, as an operator does; returns the admin token. */
    static String configureSecrets(TestServer server, Path dataDir) throws IOException {
        String token = Files.readString(dataDir.resolve("admin-token")).trim();
        String app = server.baseUrl() + "/api/admin/v1/apps/" + server.appId();
        List<Http.Reply> replies = List.of(
                Http.send("PATCH", app + "/settings", token, "{\"webhook_url\":\"https://hooks.example/atrium\",\"webhook_secret\":\""
                        + WEBHOOK_SECRET + "\"}"),
                Http.send("PUT", app + "/providers/local-userpass", token, "{\"enabled\":true,\"config\":{\"confirmation\":\"email\","
                        + "\"smtp\":{\"host\":\"smtp.example.com\",\"port\":587,\"username\":\"mailer\",\"password\":\"" + SMTP_PASSWORD
                        + "\"},\"webhook_url\":\"https://app.example/hook\",\"webhook_secret\":\"" + USERPASS_WEBHOOK_SECRET + "\"}}"),
                Http.send("PUT", app + "/providers/custom-token", token, "{\"enabled\":true,\"config\":{\"shared_secret\":\""
                        + SHARED_SECRET + "\",\"audience\":\"a\",\"issuer\":\"https://id.example\",\"algorithms\":[\"HS256\"]}}"),
                Http.send("POST", app + "/signing_keys/rotate", token, "{\"alg\":\"ES256\"}"));
        for (Http.Reply r : replies) {
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        return token;
    }

    /** The private scalars ("d") of the app's signing keys, read through the store as the server does. */
    static List<String> privateScalars(TestServer server) {
        return server.atrium.store().signingKeys().forApp(server.appId()).stream()
                .map(k -> (String) Json.readObject(k.privateJwk()).get("d")).toList();
    }

    static String sqliteBytes(Path dataDir) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String name : new String[] {"atrium.db", "atrium.db-wal"}) {
            Path f = dataDir.resolve(name);
            if (Files.exists(f)) {
                text.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }

    static void assertHoldsNoSecret(String stored, List<String> scalars) {
        assertThat(scalars).isNotEmpty();
        assertThat(stored).contains("smtp.example.com", "https://hooks.example/atrium") // the attacker does read the store
                .doesNotContain("\"d\":").doesNotContain(WEBHOOK_SECRET, SMTP_PASSWORD, USERPASS_WEBHOOK_SECRET, SHARED_SECRET);
        for (String d : scalars) {
            assertThat(stored).doesNotContain(d);
        }
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void readingTheSqliteFilesOfARunningServerYieldsNoPrivateKeyNoWebhookSecretNoSmtpPasswordNoSharedSecret() throws Exception {
        try (TestServer server = TestServer.sqlite(dir)) {
            configureSecrets(server, dir);
            server.guestLogin();

            assertHoldsNoSecret(sqliteBytes(dir), privateScalars(server));
        }
        assertThat(sqliteBytes(dir)).as("after shutdown (WAL checkpointed into the file)").doesNotContain(SMTP_PASSWORD, SHARED_SECRET);
    }

    @Test
    void aFreshServerKeepsItsDataDirectory0700AndTheDatabaseWalShmMasterKeyAndAdminTokenFiles0600() throws Exception {
        Path data = dir.resolve("atrium-data");
        try (TestServer server = TestServer.sqlite(data)) {
            server.guestLogin();

            assertThat(mode(data)).isEqualTo("rwx------");
            for (String f : new String[] {"atrium.db", "atrium.db-wal", "atrium.db-shm", "master.key", "admin-token"}) {
                assertThat(mode(data.resolve(f))).as(f).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void aDataDirectoryAndStoreOthersCouldReadAreNarrowedAtStart() throws Exception {
        try (TestServer server = TestServer.sqlite(dir)) {
            server.guestLogin();
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String f : new String[] {"atrium.db", "master.key"}) {
            Files.setPosixFilePermissions(dir.resolve(f), PosixFilePermissions.fromString("rw-r--r--"));
        }

        try (TestServer server = TestServer.sqlite(dir)) {
            server.guestLogin();
            assertThat(mode(dir)).isEqualTo("rwx------");
            assertThat(mode(dir.resolve("atrium.db"))).isEqualTo("rw-------");
            assertThat(mode(dir.resolve("master.key"))).isEqualTo("rw-------");
        }
    }

    @Test
    void aSqliteStoreOfTheEarlierReleaseIsEncryptedAtStartAndItsTokensAndSessionsStillWork() throws Exception {
        Path file = dir.resolve("atrium.db");
        upgradeScenario(TestServer.config(dir, "sqlite:" + file), () -> DriverManager.getConnection("jdbc:sqlite:" + file),
                () -> TestServer.sqlite(dir), () -> sqliteBytes(dir));
    }

    @Tag("postgres")
    @Test
    void aPostgresStoreOfTheEarlierReleaseIsEncryptedAtStartAndItsTokensAndSessionsStillWork() throws Exception {
        try (PgSchema pg = new PgSchema()) {
            AtriumConfig config = TestServer.config(dir, pg.url);
            AtriumConfig onSchema = new AtriumConfig(config.host(), config.port(), null, dir, pg.url, config.storePoolSize(),
                    config.storeConnectTimeout(), pg.name, config.cacheTtl());
            upgradeScenario(onSchema, pg::connect, () -> TestServer.on(dir, pg.url, pg.name), () -> rowsAsText(pg));
        }
    }

    interface Raw {
        Connection connect() throws SQLException;
    }

    interface Start {
        TestServer start();
    }

    interface Text {
        String read() throws Exception;
    }

    /**
     * A server of this release makes sessions, tokens and secrets; the store is then turned into
     * what the earlier release kept (every secret in the clear, no check value, no master key
     * file) with raw SQL; a server of this release starts on it.
     */
    private void upgradeScenario(AtriumConfig config, Raw raw, Start start, Text stored) throws Exception {
        String access;
        String refresh;
        try (TestServer server = start.start()) {
            configureSecrets(server, dir);
            JsonNode guest = server.guestLogin();
            access = guest.get("access_token").asText();
            refresh = guest.get("refresh_token").asText();
        }
        writeSecretsInTheClear(config, raw);
        assertThat(stored.read()).as("the earlier release's store, as the attacker found it").contains(SMTP_PASSWORD, SHARED_SECRET);

        try (TestServer server = start.start()) {
            assertThat(server.send("GET", server.client("/auth/profile"), access, null).status())
                    .as("an access token the earlier release issued still verifies").isEqualTo(200);
            assertThat(server.send("POST", server.client("/auth/session"), refresh, null).status())
                    .as("a session of the earlier release still refreshes").isEqualTo(201);
            assertHoldsNoSecret(stored.read(), privateScalars(server));
            assertThat(server.atrium.store().apps().find(server.appId()).orElseThrow().settings().webhookSecret())
                    .isEqualTo(WEBHOOK_SECRET);
        }
        assertThat(mode(dir.resolve("master.key"))).isEqualTo("rw-------");
    }

    /** Rewrites every secret as the earlier release stored it, in the clear, and removes the master key. */
    private static void writeSecretsInTheClear(AtriumConfig config, Raw raw) throws Exception {
        String app;
        List<SigningKey> keys;
        String settings;
        List<ProviderConfig> providers;
        try (JdbcStore store = Stores.open(config, 1, null)) {
            app = store.apps().list().getFirst().id();
            keys = store.signingKeys().forApp(app);
            settings = Json.write(store.apps().find(app).orElseThrow().settings().toMap());
            providers = new ArrayList<>(store.apps().providers(app));
        }
        try (Connection c = raw.connect()) {
            for (SigningKey k : keys) {
                execute(c, "UPDATE signing_keys SET private_jwk = ? WHERE kid = ?", k.privateJwk(), k.kid());
            }
            execute(c, "UPDATE apps SET settings = ? WHERE id = ?", settings, app);
            for (ProviderConfig p : providers) {
                execute(c, "UPDATE providers SET config = ? WHERE id = ?", Json.write(p.config()), p.id());
            }
            execute(c, "DELETE FROM server_state WHERE key = ?", "master_key_check");
        }
        Files.delete(config.effectiveMasterKeyFile());
    }

    private static void execute(Connection c, String sql, String... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    /** Every row of every table of the schema, as text: what a reader of the database sees. */
    private static String rowsAsText(PgSchema pg) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection c = pg.connect(); PreparedStatement tables = c.prepareStatement(
                "SELECT tablename FROM pg_tables WHERE schemaname = ?")) {
            tables.setString(1, pg.name);
            try (ResultSet t = tables.executeQuery()) {
                while (t.next()) {
                    try (Statement s = c.createStatement();
                         ResultSet rows = s.executeQuery("SELECT r::text FROM " + pg.name + "." + t.getString(1) + " r")) {
                        while (rows.next()) {
                            text.append(rows.getString(1)).append('\n');
                        }
                    }
                }
            }
        }
        return text.toString();
    }
}
