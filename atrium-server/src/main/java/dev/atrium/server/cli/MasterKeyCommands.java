package dev.atrium.server.cli;

import dev.atrium.server.app.Stores;
import dev.atrium.server.config.AtriumConfig;
import dev.atrium.store.jdbc.JdbcStore;
import dev.atrium.store.jdbc.secrets.MasterKey;
import dev.atrium.store.jdbc.secrets.MasterKeyException;
import dev.atrium.store.jdbc.secrets.MasterKeyFile;
import dev.atrium.store.jdbc.secrets.OwnerOnlyFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code atrium keys new-master-key|rewrap|reset-after-lost-master-key}: the master key that
 * encrypts the store's secrets (README "Secrets at rest"). They work on the store and the key files
 * directly, like {@code migrate}; no server or admin token is involved.
 */
final class MasterKeyCommands {
    private MasterKeyCommands() {}

    /** What every command here shares: the configuration and the output. */
    abstract static class Base extends CliCommand {
        @Mixin
        ConfigOptions options;

    }

    @Command(name = "new-master-key", description = {"Write a new master key file: the current master key's keys plus a new",
        "primary one (or a fresh key when there is none yet). Touches no store."})
    static final class NewMasterKey extends Base {
        @Option(names = "--output", required = true, paramLabel = "FILE", description = "the file to write (mode 0600); must not exist")
        Path output;

        @Override
        public void run() {
            MasterKeyFile current = Stores.masterKey(options.load());
            MasterKey now = current.read().orElse(null);
            MasterKey key = now == null ? MasterKey.generate() : now.withNewPrimary();
            writeNew(output, key);
            out().println("wrote " + output.toAbsolutePath() + " (mode 0600): master " + key.describeIds());
            if (now != null) {
                out().println("It holds the keys of " + current.path() + " too, so it reads everything that file reads.");
            }
        }
    }

    static void writeNew(Path file, MasterKey key) {
        if (Files.exists(file)) {
            throw new AtriumCommand.CommandFailure(file + " exists; a master key file is never overwritten");
        }
        if (file.toAbsolutePath().getParent() != null && !Files.isDirectory(file.toAbsolutePath().getParent())) {
            OwnerOnlyFiles.directory(file.toAbsolutePath().getParent());
        }
        MasterKeyFile.writeNew(file, key);
    }

    @Command(name = "rewrap", description = {"Re-encrypt every secret of the store under a new master key (or, without",
        "--new-key-file, under the current file's primary key). Idempotent: rows already under it are skipped."})
    static final class Rewrap extends Base {
        @Option(names = "--new-key-file", paramLabel = "FILE",
                description = "the new master key; made (current keys + a new primary, mode 0600) when FILE does not exist")
        Path newKeyFile;
        @Option(names = "--drop-old-keys", description = "then keep only the primary key in the key file (no row needs the others)")
        boolean dropOldKeys;

        @Override
        public void run() {
            AtriumConfig config = options.load();
            try (JdbcStore store = Stores.openExisting(config, 1)) {
                MasterKeyFile target = newKeyFile == null ? Stores.masterKey(config)
                        : new MasterKeyFile(newKeyFile, false, "--new-key-file");
                MasterKey next = target(store, target);
                JdbcStore.Rewrap done = store.rewrap(next);
                out().println("re-encrypted " + done.rewrapped() + " secrets under master key " + MasterKey.hex(next.primaryId())
                        + " (" + done.alreadyUnderKey() + " were under it already)");
                if (dropOldKeys) {
                    target.replace(next.primaryOnly());
                    out().println(target.path() + " now holds only key " + MasterKey.hex(next.primaryId()));
                }
                if (newKeyFile != null) {
                    out().println("Now put " + target.path() + " in place of " + Stores.masterKey(config).path()
                            + " on every node that shares the store (mv, so the swap is atomic); running nodes read their "
                            + "key file again when they meet the new key. Keep a backup of it apart from the database.");
                }
            }
        }

        private MasterKey target(JdbcStore store, MasterKeyFile target) {
            MasterKey existing = target.read().orElse(null);
            if (existing != null) {
                return existing;
            }
            if (newKeyFile == null) {
                throw new MasterKeyException("the " + target.describe() + " does not exist");
            }
            MasterKey made = store.masterKey().withNewPrimary();
            writeNew(newKeyFile, made);
            out().println("wrote " + target.path() + " (mode 0600): master " + made.describeIds());
            return made;
        }
    }

    @Command(name = "reset-after-lost-master-key", description = {"When the store's master key is lost for good: delete every",
        "signing key (every session ends) and remove every webhook and provider secret, then make the configured master",
        "key file the store's key. Without --yes, only says what it would do."})
    static final class ResetAfterLostMasterKey extends Base {
        @Option(names = "--yes", description = "do it (without: a dry run)")
        boolean yes;

        @Override
        public void run() {
            AtriumConfig config = options.load();
            Stores.requireExisting(config);
            MasterKeyFile key = Stores.masterKey(config);
            OwnerOnlyFiles.directory(config.dataDir());
            JdbcStore.LostKeyReset r = JdbcStore.resetAfterLostMasterKey(Stores.settings(config, 1, null), key, yes);
            PrintWriter out = out();
            out.println((r.applied() ? "Done" : "Dry run, nothing changed; run again with --yes to do it")
                    + ". The store was encrypted with master key " + r.lostKeyId() + ", which the " + key.describe() + " does not hold.");
            out.println((r.applied() ? "Deleted " : "Would delete ") + r.signingKeys() + " signing keys of " + r.appsWithKeys().size()
                    + " apps " + r.appsWithKeys() + ": every access and refresh token they signed stops verifying, so every"
                    + " session ends (a guest cannot come back to its account); each app gets a new key on first use.");
            if (r.secrets().isEmpty()) {
                out.println("No webhook or provider secret was stored.");
            } else {
                out.println((r.applied() ? "Removed" : "Would remove") + " these secrets; set them again (apps configure "
                        + "--webhook-secret, providers enable --settings):");
                r.secrets().forEach(s -> out.println("  " + s));
            }
            out.println((r.applied() ? "The store's master key is now " : "The store's master key would become ") + key.path()
                    + (r.newKeyExisted() ? " (the file there now)" : r.applied() ? " (generated)" : " (to be generated)")
                    + "; give every node that shares the store this file.");
        }
    }
}
