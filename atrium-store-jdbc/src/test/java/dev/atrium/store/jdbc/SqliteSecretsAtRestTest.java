package dev.atrium.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.core.kernel.Json;
import dev.atrium.store.jdbc.secrets.MasterKey;
import dev.atrium.store.jdbc.secrets.MasterKeyException;
import dev.atrium.store.jdbc.secrets.MasterKeyFile;
import dev.atrium.store.jdbc.secrets.MasterKeySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * {@link SecretsAtRestScenarios} on SQLite, where the attacker reads the file (and its WAL); the
 * files' modes (no other user of the machine may read them); and the master key's rules that do
 * not depend on the database. Each test has a store of its own, so where JUnit's parallel execution
 * is on (the quick loop) they run concurrently.
 */
@Execution(ExecutionMode.CONCURRENT)
class SqliteSecretsAtRestTest extends SecretsAtRestScenarios {
    private static final AtomicInteger FILES = new AtomicInteger();

    @Override
    JdbcSettings newStore() {
        return new JdbcSettings("sqlite:" + dir.resolve("store-" + FILES.incrementAndGet()).resolve("atrium.db"), 4,
                Duration.ofSeconds(10), null);
    }

    @Override
    String storedText(JdbcSettings store) {
        return SqliteStoreTest.fileBytes(store.sqliteFile());
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aNewStoreHasItsDirectory0700AndItsDatabaseWalAndShmFiles0600() throws IOException {
        JdbcSettings s = newStore();
        Path db = s.sqliteFile();

        try (JdbcStore store = JdbcStore.open(s, TestKeys.KEY)) {
            store.apps().list(); // readers and the writer are open: the WAL and shared-memory files exist
            assertThat(mode(db.getParent())).isEqualTo("rwx------");
            assertThat(mode(db)).isEqualTo("rw-------");
            assertThat(mode(Path.of(db + "-wal"))).isEqualTo("rw-------");
            assertThat(mode(Path.of(db + "-shm"))).isEqualTo("rw-------");
        }
    }

    @Test
    void aStoreWhoseFilesOthersCanReadIsNarrowedWhenItOpens() throws IOException {
        JdbcSettings s = newStore();
        Path db = s.sqliteFile();
        JdbcStore.open(s, TestKeys.KEY).close();
        Path wal = Path.of(db + "-wal");
        Path shm = Path.of(db + "-shm");
        for (Path f : new Path[] {db, wal, shm}) {
            if (!Files.exists(f)) {
                Files.createFile(f); // an empty WAL or shared-memory file is a valid one
            }
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        }

        try (JdbcStore store = JdbcStore.open(s, TestKeys.KEY)) {
            store.apps().list();
            assertThat(mode(db)).isEqualTo("rw-------");
            assertThat(mode(wal)).isEqualTo("rw-------");
            assertThat(mode(shm)).isEqualTo("rw-------");
        }
    }

    // Logic that does not depend on the database: run on SQLite only, to keep the run short.

    @Test
    void aSecretTheEarlierReleaseStoredAsANumberIsEncryptedAndReadAsItsText() {
        Plain p = plainStore();
        update(p.settings(), "UPDATE providers SET config = ? WHERE id = ?",
                "{\"smtp\":{\"host\":\"smtp.example.com\",\"password\":987654321987}}", p.userpass().id());

        try (JdbcStore store = JdbcStore.open(p.settings(), TestKeys.KEY)) {
            assertThat(store.apps().providers(p.app().id())).filteredOn(c -> c.type().equals("local-userpass"))
                    .singleElement().extracting(c -> c.config().get("smtp"))
                    .isEqualTo(java.util.Map.of("host", "smtp.example.com", "password", "987654321987"));
        }
        assertThat(storedText(p.settings())).doesNotContain("987654321987");
    }

    @Test
    void aStoreOpenedWithAnotherMasterKeyIsRefusedNamingBothKeys() {
        MasterKey right = MasterKey.generate();
        MasterKey wrong = MasterKey.generate();
        Plain p = sealedStore(MasterKeySource.of(right));

        assertThatThrownBy(() -> JdbcStore.open(p.settings(), MasterKeySource.of(wrong)))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageContaining("wrong master key")
                .hasMessageContaining(MasterKey.hex(right.primaryId()))
                .hasMessageContaining(MasterKey.hex(wrong.primaryId()))
                .hasMessageContaining("reset-after-lost-master-key");
    }

    @Test
    void aStoreWhoseMasterKeyFileIsGoneIsRefusedAndNoNewKeyIsMadeInItsPlace() throws Exception {
        MasterKeyFile key = keyFile("master.key");
        Plain p = sealedStore(key);
        Files.delete(key.path());

        assertThatThrownBy(() -> JdbcStore.open(p.settings(), key))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageContaining(key.path() + " does not exist")
                .hasMessageContaining("Restore that file from your backup")
                .hasMessageContaining("reset-after-lost-master-key");
        assertThat(key.path()).doesNotExist();
    }

    @Test
    void aMasterKeyFileNamedByTheOperatorThatDoesNotExistIsNeverMade() {
        MasterKeyFile named = new MasterKeyFile(dir.resolve("named.key"), false, "set by master-key-file");

        assertThatThrownBy(() -> JdbcStore.open(newStore(), named))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageContaining("atrium keys new-master-key --output " + named.path());
        assertThat(named.path()).doesNotExist();
    }

    @Test
    void encryptedSecretsWithTheirCheckValueRemovedByHandNeverGetANewKey() throws Exception {
        MasterKeyFile key = keyFile("master.key");
        Plain p = sealedStore(key);
        update(p.settings(), "DELETE FROM server_state WHERE key = ?", SecretsAtRest.CHECK_KEY);
        Files.delete(key.path());

        assertThatThrownBy(() -> JdbcStore.open(p.settings(), key))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageContaining("holds encrypted secrets but no master key check value");
        assertThat(key.path()).doesNotExist();
    }

    @Test
    void rewrapRunAgainSkipsWhatIsAlreadyUnderTheNewKey() {
        MasterKey old = MasterKey.generate();
        MasterKey next = old.withNewPrimary();
        Plain p = sealedStore(MasterKeySource.of(old));

        try (JdbcStore store = JdbcStore.open(p.settings(), MasterKeySource.of(old))) {
            store.rewrap(next);
            JdbcStore.Rewrap again = store.rewrap(next);

            assertThat(again.rewrapped()).isZero();
            assertThat(again.alreadyUnderKey()).isEqualTo(4);
        }
        try (JdbcStore store = JdbcStore.open(p.settings(), MasterKeySource.of(next.primaryOnly()))) {
            assertReadsTheSame(store, p);
        }
    }

    @Test
    void aNodeThatMeetsASecretUnderAKeyItLacksReadsItsKeyFileAgainAndThenWritesUnderTheNewPrimary() {
        MasterKeyFile file = keyFile("master.key");
        Plain p = sealedStore(file);
        try (JdbcStore running = JdbcStore.open(p.settings(), file);
             JdbcStore cli = JdbcStore.open(p.settings(), file)) {
            MasterKey next = cli.masterKey().withNewPrimary();
            cli.rewrap(next);
            file.replace(next); // the operator puts the new file in place

            assertReadsTheSame(running, p);
            running.apps().updateSettings(p.app().id(), p.app().settings());
            assertThat(SecretCodec.keyIdOf((String) Json.readObject(query(p.settings(), "SELECT settings FROM apps WHERE id = ?",
                    p.app().id())).get("webhook_secret"))).isEqualTo(next.primaryId());
        }
    }

    @Test
    void resetIsRefusedWhenTheMasterKeyOpensTheStoreAndChangesNothing() {
        MasterKeyFile key = keyFile("master.key");
        Plain p = sealedStore(key);

        assertThatThrownBy(() -> JdbcStore.resetAfterLostMasterKey(p.settings(), key, true))
                .isInstanceOf(MasterKeyException.class).hasMessageContaining("opens this store: no master key is lost");
        try (JdbcStore store = JdbcStore.open(p.settings(), key)) {
            assertReadsTheSame(store, p);
        }
    }
}
