package dev.atrium.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppSettings;
import dev.atrium.core.apps.Apps;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.kernel.Json;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.tokens.KeyRing;
import dev.atrium.core.tokens.SigningKey;
import dev.atrium.store.jdbc.secrets.MasterKey;
import dev.atrium.store.jdbc.secrets.MasterKeyException;
import dev.atrium.store.jdbc.secrets.MasterKeyFile;
import dev.atrium.store.jdbc.secrets.MasterKeySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The master key's life on a real database, written once and run on SQLite and PostgreSQL: a store
 * of the earlier release (secrets in the clear, made by raw SQL) encrypted when it first opens, by
 * one node or N at once; the wrong or a missing key refused with a message; a ciphertext moved to
 * another row refused; rewrap; a node picking up a rewrapped key file; the reset after a lost key.
 */
abstract class SecretsAtRestScenarios {
    static final Instant NOW = Instant.parse("2026-02-01T10:00:00Z");
    static final int NODES = 6;

    @TempDir
    Path dir;

    /** Where a new, empty store of the backend goes (nothing created yet). */
    abstract JdbcSettings newStore();

    /** Everything the database holds for {@code store}, as text: file bytes or every row. */
    abstract String storedText(JdbcSettings store);

    /** A store with secrets in the clear, as the earlier release wrote them (schema by the migrations, rows by raw SQL). */
    record Plain(JdbcSettings settings, App app, ProviderConfig userpass, ProviderConfig custom, SigningKey key) {}

    Plain plainStore() {
        JdbcSettings s = newStore();
        App app = new App(ObjectIds.next(NOW), "Old", NOW, new AppSettings(Duration.ofMinutes(30), Duration.ofDays(60),
                Duration.ofDays(90), Duration.ofHours(1), 100, 30, 0, "https://hooks.example/e", "whsec-plain-" + ObjectIds.next(NOW),
                dev.atrium.core.apps.AllowedOrigins.ANY, dev.atrium.core.apps.ThrottleSettings.DEFAULTS));
        ProviderConfig userpass = new ProviderConfig(ObjectIds.next(NOW), app.id(), "local-userpass", true, Map.of("confirmation", "email",
                "smtp", Map.of("host", "smtp.example.com", "port", 587, "username", "mailer", "password", "smtp-pw-" + ObjectIds.next(NOW))));
        ProviderConfig custom = new ProviderConfig(ObjectIds.next(NOW), app.id(), "custom-token", true, Map.of(
                "shared_secret", "shared-secret-of-32-bytes-" + ObjectIds.next(NOW), "audience", "a", "issuer", "https://id.example",
                "algorithms", List.of("HS256")));
        SigningKey key = KeyRing.generate(app.id(), NOW);
        try (Database db = Database.open(s)) {
            Migrations.migrate(db, s.schema());
            db.write(c -> {
                execute(c, "INSERT INTO apps (id, name, created_at, settings) VALUES (?, ?, ?, ?)", app.id(), app.name(),
                        NOW.toEpochMilli(), Json.write(app.settings().toMap()));
                for (ProviderConfig p : List.of(userpass, custom)) {
                    execute(c, "INSERT INTO providers (id, app_id, type, enabled, config) VALUES (?, ?, ?, ?, ?)", p.id(),
                            p.appId(), p.type(), true, Json.write(p.config()));
                }
                execute(c, "INSERT INTO signing_keys (kid, app_id, alg, private_jwk, state, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                        key.kid(), app.id(), key.alg(), key.privateJwk(), key.state(), NOW.toEpochMilli());
                return null;
            });
        }
        return new Plain(s, app, userpass, custom, key);
    }

    /** A new store with the same secrets, written through a store opened with {@code key}. */
    Plain sealedStore(MasterKeySource key) {
        Plain p = plainStore();
        JdbcStore.open(p.settings(), key).close();
        return p;
    }

    static void execute(java.sql.Connection c, String sql, Object... values) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    static String query(JdbcSettings s, String sql, String... values) {
        try (Database db = Database.open(s)) {
            return db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < values.length; i++) {
                        ps.setString(i + 1, values[i]);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            });
        }
    }

    static void update(JdbcSettings s, String sql, Object... values) {
        try (Database db = Database.open(s)) {
            db.write(c -> {
                execute(c, sql, values);
                return null;
            });
        }
    }

    MasterKeyFile keyFile(String name) {
        return new MasterKeyFile(dir.resolve(name), true, null);
    }

    /** The plaintext secrets of {@code p}: none may be in the stored text. */
    static List<String> secrets(Plain p) {
        return List.of(p.app().settings().webhookSecret(), (String) ((Map<?, ?>) p.userpass().config().get("smtp")).get("password"),
                (String) p.custom().config().get("shared_secret"), jwkD(p.key()));
    }

    static String jwkD(SigningKey k) {
        return (String) Json.readObject(k.privateJwk()).get("d");
    }

    void assertReadsTheSame(JdbcStore store, Plain p) {
        assertThat(store.apps().find(p.app().id()).orElseThrow().settings()).isEqualTo(p.app().settings());
        assertThat(store.apps().providers(p.app().id())).containsExactlyInAnyOrder(p.userpass(), p.custom());
        assertThat(store.signingKeys().forApp(p.app().id())).containsExactly(p.key());
    }

    @Test
    void aStoreOfTheEarlierReleaseWithSecretsInTheClearIsEncryptedWhenItFirstOpensAndReadsTheSame() throws Exception {
        Plain p = plainStore();
        assertThat(storedText(p.settings())).contains(secrets(p)); // the attacker's view before the upgrade
        MasterKeyFile key = keyFile("master.key");

        try (JdbcStore store = JdbcStore.open(p.settings(), key)) {
            assertReadsTheSame(store, p);
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.path()))).isEqualTo("rw-------");
        String stored = storedText(p.settings());
        for (String secret : secrets(p)) {
            assertThat(stored).doesNotContain(secret);
        }
        assertThat(stored).doesNotContain("\"d\":").contains("smtp.example.com", "https://hooks.example/e", SecretCodec.PREFIX);
        try (JdbcStore again = JdbcStore.open(p.settings(), key)) {
            assertReadsTheSame(again, p);
        }
        assertThat(storedText(p.settings())).as("a second open changes nothing").isEqualTo(stored);
    }

    @Test
    void nodesOpeningAStoreInTheClearAtOnceEncryptItOnceUnderOneKey() throws Exception {
        Plain p = plainStore();
        MasterKeySource key = MasterKeySource.of(MasterKey.generate());
        ExecutorService pool = Executors.newFixedThreadPool(NODES);
        List<Future<JdbcStore>> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < NODES; i++) {
                nodes.add(pool.submit((Callable<JdbcStore>) () -> JdbcStore.open(p.settings(), key)));
            }
            for (Future<JdbcStore> node : nodes) {
                try (JdbcStore store = node.get(60, TimeUnit.SECONDS)) {
                    assertReadsTheSame(store, p);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        String sealedJwk = query(p.settings(), "SELECT private_jwk FROM signing_keys WHERE kid = ?", p.key().kid());
        assertThat(SecretCodec.keyIdOf(sealedJwk)).isEqualTo(key.read().orElseThrow().primaryId());
        assertThat(query(p.settings(), "SELECT count(*) FROM server_state WHERE key = ?", SecretsAtRest.CHECK_KEY)).isEqualTo("1");
        for (String secret : secrets(p)) {
            assertThat(storedText(p.settings())).doesNotContain(secret);
        }
    }

    @Test
    void aSecretCopiedIntoAnotherAppsRowOrAnotherKeysRowDoesNotDecrypt() {
        MasterKeySource key = MasterKeySource.of(MasterKey.generate());
        Plain p = sealedStore(key);
        App other = Apps.newApp("Other", NOW);
        SigningKey otherKey = KeyRing.generate(other.id(), NOW.plusSeconds(1));
        try (JdbcStore store = JdbcStore.open(p.settings(), key)) {
            store.apps().create(other, List.of());
            store.signingKeys().insertFirst(otherKey);
        }
        update(p.settings(), "UPDATE apps SET settings = ? WHERE id = ?",
                query(p.settings(), "SELECT settings FROM apps WHERE id = ?", p.app().id()), other.id());
        update(p.settings(), "UPDATE signing_keys SET private_jwk = ? WHERE kid = ?",
                query(p.settings(), "SELECT private_jwk FROM signing_keys WHERE kid = ?", p.key().kid()), otherKey.kid());

        try (JdbcStore store = JdbcStore.open(p.settings(), key)) {
            assertThatThrownBy(() -> store.apps().find(other.id())).isInstanceOf(MasterKeyException.class)
                    .hasMessageContaining("setting webhook_secret of app " + other.id())
                    .hasMessageContaining("copied from another row");
            assertThatThrownBy(() -> store.signingKeys().forApp(other.id())).isInstanceOf(MasterKeyException.class)
                    .hasMessageContaining("signing key " + otherKey.kid());
            assertReadsTheSame(store, p);
        }
    }

    @Test
    void rewrapEncryptsEverySecretUnderTheNewKeySoTheOldNoLongerOpensTheStoreAndValuesStayTheSame() {
        MasterKey old = MasterKey.generate();
        MasterKey next = MasterKey.generate();
        Plain p = sealedStore(MasterKeySource.of(old));

        try (JdbcStore store = JdbcStore.open(p.settings(), MasterKeySource.of(old))) {
            JdbcStore.Rewrap done = store.rewrap(next);
            assertThat(done.rewrapped()).isEqualTo(4); // the JWK, the webhook secret, the SMTP password, the shared secret
            assertReadsTheSame(store, p);
        }

        assertThatThrownBy(() -> JdbcStore.open(p.settings(), MasterKeySource.of(old))).isInstanceOf(MasterKeyException.class)
                .hasMessageContaining("wrong master key");
        try (JdbcStore store = JdbcStore.open(p.settings(), MasterKeySource.of(next))) {
            assertReadsTheSame(store, p);
        }
        assertThat(SecretCodec.keyIdOf(query(p.settings(), "SELECT private_jwk FROM signing_keys WHERE kid = ?", p.key().kid())))
                .isEqualTo(next.primaryId());
    }

    @Test
    void resetAfterALostMasterKeyFirstOnlySaysWhatWouldGoThenDeletesKeysAndSecretsAndMakesTheNewKeyTheStores() throws Exception {
        MasterKeyFile key = keyFile("master.key");
        Plain p = sealedStore(key);
        Files.delete(key.path());

        JdbcStore.LostKeyReset dry = JdbcStore.resetAfterLostMasterKey(p.settings(), key, false);

        assertThat(dry.applied()).isFalse();
        assertThat(dry.signingKeys()).isEqualTo(1);
        assertThat(dry.appsWithKeys()).containsExactly(p.app().id());
        assertThat(dry.secrets()).containsExactlyInAnyOrder("setting webhook_secret of app " + p.app().id(),
                "config smtp.password of provider local-userpass of app " + p.app().id(),
                "config shared_secret of provider custom-token of app " + p.app().id());
        assertThat(key.path()).doesNotExist();
        assertThatThrownBy(() -> JdbcStore.open(p.settings(), key)).isInstanceOf(MasterKeyException.class);

        JdbcStore.LostKeyReset done = JdbcStore.resetAfterLostMasterKey(p.settings(), key, true);

        assertThat(done.applied()).isTrue();
        assertThat(key.path()).exists();
        try (JdbcStore store = JdbcStore.open(p.settings(), key)) {
            assertThat(store.signingKeys().forApp(p.app().id())).isEmpty();
            AppSettings s = store.apps().find(p.app().id()).orElseThrow().settings();
            assertThat(s.webhookSecret()).isNull();
            assertThat(s.webhookUrl()).isEqualTo("https://hooks.example/e");
            assertThat(store.apps().providers(p.app().id())).extracting(ProviderConfig::config).containsExactlyInAnyOrder(
                    Map.of("confirmation", "email", "smtp", Map.of("host", "smtp.example.com", "port", 587, "username", "mailer")),
                    Map.of("audience", "a", "issuer", "https://id.example", "algorithms", List.of("HS256")));
        }
    }
}
