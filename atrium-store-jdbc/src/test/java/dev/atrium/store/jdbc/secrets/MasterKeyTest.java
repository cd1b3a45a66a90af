package dev.atrium.store.jdbc.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The master key (AES-256-GCM keys through Tink) and its file. */
class MasterKeyTest {
    static final byte[] SECRET = "the private scalar".getBytes(StandardCharsets.UTF_8);
    static final byte[] ROW = "signing_keys/app/kid".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void aCiphertextOpensWithItsOwnAssociatedDataOnly() throws GeneralSecurityException {
        MasterKey key = MasterKey.generate();
        byte[] sealed = key.encrypt(SECRET, ROW);

        assertThat(key.decrypt(sealed, ROW)).isEqualTo(SECRET);
        assertThatThrownBy(() -> key.decrypt(sealed, "signing_keys/app/other-kid".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void aCiphertextNamesTheKeyThatMadeIt() {
        MasterKey key = MasterKey.generate();

        assertThat(MasterKey.keyIdOf(key.encrypt(SECRET, ROW))).isEqualTo(key.primaryId());
        assertThat(MasterKey.keyIdOf(new byte[] {0, 1, 2, 3, 4, 5})).isNull();
    }

    @Test
    void withNewPrimaryEncryptsUnderTheNewKeyAndStillOpensWhatTheOldMade() throws GeneralSecurityException {
        MasterKey old = MasterKey.generate();
        byte[] before = old.encrypt(SECRET, ROW);

        MasterKey next = old.withNewPrimary();

        assertThat(next.primaryId()).isNotEqualTo(old.primaryId());
        assertThat(next.keyIds()).containsExactly(next.primaryId(), old.primaryId());
        assertThat(MasterKey.keyIdOf(next.encrypt(SECRET, ROW))).isEqualTo(next.primaryId());
        assertThat(next.decrypt(before, ROW)).isEqualTo(SECRET);
    }

    @Test
    void primaryOnlyNoLongerOpensWhatTheDroppedKeysMade() {
        MasterKey old = MasterKey.generate();
        byte[] before = old.encrypt(SECRET, ROW);

        MasterKey pruned = old.withNewPrimary().primaryOnly();

        assertThat(pruned.keyIds()).hasSize(1).doesNotContain(old.primaryId());
        assertThatThrownBy(() -> pruned.decrypt(before, ROW)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void plusKeysOfKeepsItsPrimaryAndOpensWhatEitherMade() throws GeneralSecurityException {
        MasterKey a = MasterKey.generate();
        MasterKey b = MasterKey.generate();

        MasterKey both = b.plusKeysOf(a);

        assertThat(both.primaryId()).isEqualTo(b.primaryId());
        assertThat(both.decrypt(a.encrypt(SECRET, ROW), ROW)).isEqualTo(SECRET);
        assertThat(both.decrypt(b.encrypt(SECRET, ROW), ROW)).isEqualTo(SECRET);
    }

    @Test
    void theJsonFormReadsBackAsTheSameKeysAndNeverShowsInToString() throws GeneralSecurityException {
        MasterKey key = MasterKey.generate().withNewPrimary();

        MasterKey read = MasterKey.parse(key.toJson());

        assertThat(read.keyIds()).containsExactlyElementsOf(key.keyIds());
        assertThat(read.decrypt(key.encrypt(SECRET, ROW), ROW)).isEqualTo(SECRET);
        assertThat(key.toString()).contains(MasterKey.hex(key.primaryId())).doesNotContain("value");
    }

    @Test
    void aFileThatIsNotAMasterKeyIsRefusedWithoutQuotingKeyMaterial() {
        String key = MasterKey.generate().toJson();
        String material = (String) ((java.util.Map<?, ?>) ((java.util.List<?>) dev.atrium.core.kernel.Json.readObject(key)
                .get("keys")).getFirst()).get("aes256_gcm");

        assertThatThrownBy(() -> MasterKey.parse("hunter2")).hasMessage("not JSON");
        assertThatThrownBy(() -> MasterKey.parse(key.replace(MasterKey.FORMAT, "tink"))).hasMessageContaining("format is not");
        assertThatThrownBy(() -> MasterKey.parse(key.replace(material, "c2hvcnQ="))).hasMessageContaining("is not 32 bytes in base64");
        assertThatThrownBy(() -> MasterKey.parse(key.replaceFirst("\"primary\":\"[0-9a-f]{8}\"", "\"primary\":\"00000000\"")))
                .hasMessageContaining("its primary is not one of its keys");
        assertThatThrownBy(() -> MasterKey.parse(key.replace(material, material.substring(1) + "A")))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain(material.substring(1));
    }

    @Test
    void aKeyFileMadeForANewStoreIsOwnerOnlyAndReadsBack() throws Exception {
        MasterKeyFile file = new MasterKeyFile(dir.resolve("data").resolve("master.key"), true, null);

        MasterKey made = file.createForNewStore();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path().getParent()))).isEqualTo("rwx------");
        assertThat(file.read().orElseThrow().keyIds()).containsExactlyElementsOf(made.keyIds());
    }

    @Test
    void aKeyFileOthersCanReadIsNarrowedWhenRead() throws Exception {
        MasterKeyFile file = new MasterKeyFile(dir.resolve("master.key"), true, null);
        Files.writeString(file.path(), MasterKey.generate().toJson());
        Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rw-r--r--"));

        file.read();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
    }

    @Test
    void aKeyFileThatIsNotAKeyIsRefusedNamingTheFile() throws Exception {
        MasterKeyFile file = new MasterKeyFile(dir.resolve("master.key"), true, "set by master-key-file");
        Files.writeString(file.path(), "hunter2");

        assertThatThrownBy(file::read).isInstanceOf(MasterKeyException.class)
                .hasMessageContaining("master key file " + file.path() + " (set by master-key-file) is not a master key");
    }

    @Test
    void replacingAKeyFileKeepsItOwnerOnly() throws Exception {
        MasterKeyFile file = new MasterKeyFile(dir.resolve("master.key"), true, null);
        MasterKey first = file.createForNewStore();

        file.replace(first.withNewPrimary());

        assertThat(file.read().orElseThrow().keyIds()).hasSize(2).contains(first.primaryId());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file.path()); // no temporary file left behind
        }
    }
}
