package dev.atrium.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import dev.atrium.store.jdbc.secrets.MasterKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/**
 * The master key's operator commands and failures, as an operator meets them: {@code serve} with
 * the wrong or a missing key refuses to start (exit 4) saying why and what to do; {@code keys
 * new-master-key}, {@code keys rewrap} while a server runs, and {@code keys
 * reset-after-lost-master-key}.
 */
class MasterKeyCliTest extends AdminCliHarness {

    private Path masterKey() {
        return dir.resolve("master.key");
    }

    private Run serve(String... extra) {
        String[] args = new String[extra.length + 5];
        System.arraycopy(new String[] {"serve", "--data-dir", dir.toString(), "--port", "0"}, 0, args, 0, 5);
        System.arraycopy(extra, 0, args, 5, extra.length);
        return atrium(args);
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void serveWithAnotherStoresMasterKeyRefusesToStartWithExit4NamingBothKeys() throws Exception {
        start().close();
        server = null;
        Path other = dir.resolve("other.key");
        MasterKey wrong = MasterKey.generate();
        Files.writeString(other, wrong.toJson());

        Run refused = serve("--master-key-file", other.toString());

        assertThat(refused.code()).isEqualTo(AtriumCommand.MASTER_KEY_ERROR);
        assertThat(refused.err()).contains("wrong master key").contains(MasterKey.hex(wrong.primaryId()))
                .contains("master key file " + other).contains("reset-after-lost-master-key");
        assertThat(refused.out()).doesNotContain("Atrium is serving");
    }

    @Test
    void serveWithTheMasterKeyFileGoneRefusesToStartSaysHowToRecoverAndMakesNoNewKey() throws Exception {
        start().close();
        server = null;
        Files.delete(masterKey());

        Run refused = serve();

        assertThat(refused.code()).isEqualTo(AtriumCommand.MASTER_KEY_ERROR);
        assertThat(refused.err()).contains(masterKey() + " (the default, in the data directory) does not exist")
                .contains("Restore that file from your backup").contains("atrium keys reset-after-lost-master-key");
        assertThat(masterKey()).doesNotExist();
    }

    @Test
    void newMasterKeyWritesTheCurrentKeysPlusANewPrimaryOwnerOnlyAndNeverOverwritesAFile() throws Exception {
        start().close();
        server = null;
        MasterKey current = MasterKey.parse(Files.readString(masterKey()));
        Path next = dir.resolve("next.key");

        Run made = store("keys", "new-master-key", "--output", next.toString());
        Run again = store("keys", "new-master-key", "--output", next.toString());

        assertThat(made.code()).as(made.err()).isZero();
        MasterKey written = MasterKey.parse(Files.readString(next));
        assertThat(written.keyIds()).hasSize(2).contains(current.primaryId());
        assertThat(written.primaryId()).isNotEqualTo(current.primaryId());
        assertThat(mode(next)).isEqualTo("rw-------");
        assertThat(made.out()).doesNotContain(Files.readString(next));
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("exists; a master key file is never overwritten");
    }

    @Test
    void rewrapWhileTheServerRunsThenTheNewFileSwappedInKeepsEveryTokenWorkingAndTheOldFileNoLongerOpensTheStore() throws Exception {
        start();
        JsonNode before = server.guestLogin();
        Path old = dir.resolve("old.key");
        Files.copy(masterKey(), old);
        Path next = dir.resolve("next.key");

        Run rewrapped = store("keys", "rewrap", "--new-key-file", next.toString());
        Files.move(next, masterKey(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        assertThat(rewrapped.code()).as(rewrapped.err()).isZero();
        assertThat(rewrapped.out()).contains("re-encrypted 1 secrets under master key").contains("(0 were under it already)")
                .contains("in place of " + masterKey());
        assertThat(server.send("GET", server.client("/auth/profile"), before.get("access_token").asText(), null).status())
                .as("the running server reads its key file again and still verifies a token from before").isEqualTo(200);
        assertThat(server.send("POST", server.client("/auth/session"), before.get("refresh_token").asText(), null).status()).isEqualTo(201);
        assertThat(api("keys", "rotate", "--app", server.appId()).code()).isZero();
        JsonNode after = server.guestLogin();
        server.close();
        server = null;

        Run withOld = serve("--master-key-file", old.toString());
        assertThat(withOld.code()).isEqualTo(AtriumCommand.MASTER_KEY_ERROR);
        assertThat(withOld.err()).contains("wrong master key");
        try (TestServer restarted = TestServer.sqlite(dir)) {
            for (JsonNode guest : new JsonNode[] {before, after}) {
                assertThat(restarted.send("POST", restarted.client("/auth/session"), guest.get("refresh_token").asText(), null)
                        .status()).isEqualTo(201);
            }
        }
    }

    @Test
    void rewrapAgainWithDropOldKeysLeavesTheFileOneKeyThatStillOpensTheStore() throws Exception {
        start();
        JsonNode guest = server.guestLogin();
        server.close();
        server = null;
        Path next = dir.resolve("next.key");
        assertThat(store("keys", "rewrap", "--new-key-file", next.toString()).code()).isZero();
        Files.move(next, masterKey(), StandardCopyOption.REPLACE_EXISTING);

        Run dropped = store("keys", "rewrap", "--drop-old-keys");

        assertThat(dropped.code()).as(dropped.err()).isZero();
        assertThat(dropped.out()).contains("re-encrypted 0 secrets").contains("(1 were under it already)").contains("now holds only key");
        assertThat(MasterKey.parse(Files.readString(masterKey())).keyIds()).hasSize(1);
        assertThat(mode(masterKey())).isEqualTo("rw-------");
        try (TestServer restarted = TestServer.sqlite(dir)) {
            assertThat(restarted.send("POST", restarted.client("/auth/session"), guest.get("refresh_token").asText(), null)
                    .status()).isEqualTo(201);
        }
    }

    @Test
    void resetAfterALostMasterKeyDryRunChangesNothingThenWithYesTheServerStartsOldSessionsEndAndSecretsMustBeSetAgain()
            throws Exception {
        start();
        String app = server.baseUrl() + "/api/admin/v1/apps/" + server.appId();
        assertThat(Http.send("PATCH", app + "/settings", token, "{\"webhook_url\":\"https://hooks.example/e\",\"webhook_secret\":\"s3cret\"}")
                .status()).isEqualTo(200);
        assertThat(Http.send("PUT", app + "/providers/local-userpass", token,
                "{\"enabled\":true,\"config\":{\"smtp\":{\"host\":\"smtp.example.com\",\"password\":\"pw\"}}}").status()).isEqualTo(200);
        JsonNode guest = server.guestLogin();
        String appId = server.appId();
        server.close();
        server = null;
        Files.delete(masterKey());

        Run dry = store("keys", "reset-after-lost-master-key");

        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Dry run, nothing changed").contains("Would delete 1 signing keys of 1 apps [" + appId + "]")
                .contains("every session ends").contains("setting webhook_secret of app " + appId)
                .contains("config smtp.password of provider local-userpass of app " + appId).contains("(to be generated)");
        assertThat(serve().code()).as("still refused after a dry run").isEqualTo(AtriumCommand.MASTER_KEY_ERROR);

        Run done = store("keys", "reset-after-lost-master-key", "--yes");

        assertThat(done.code()).as(done.err()).isZero();
        assertThat(done.out()).contains("Done").contains("Deleted 1 signing keys").contains("(generated)");
        assertThat(mode(masterKey())).isEqualTo("rw-------");
        start();
        assertThat(server.send("POST", server.client("/auth/session"), guest.get("refresh_token").asText(), null).status())
                .as("a session signed by a key that is gone has ended").isEqualTo(401);
        assertThat(server.send("GET", server.client("/auth/profile"), guest.get("access_token").asText(), null).status()).isEqualTo(401);
        assertThat(server.guestLogin().has("access_token")).as("new logins work at once").isTrue();
        JsonNode settings = Http.send("GET", server.baseUrl() + "/api/admin/v1/apps/" + appId, token, null).json().get("settings");
        assertThat(settings.get("webhook_secret_set").asBoolean()).isFalse();
        assertThat(settings.get("webhook_url").asText()).isEqualTo("https://hooks.example/e");
        assertThat(store("keys", "reset-after-lost-master-key").err()).contains("opens this store: no master key is lost");
    }
}
