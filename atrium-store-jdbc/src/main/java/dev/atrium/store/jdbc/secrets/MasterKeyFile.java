package dev.atrium.store.jdbc.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The master key in a file ({@link MasterKey}'s JSON form, mode 0600).
 *
 * @param path where the key is
 * @param mayCreate whether a store with no encrypted secret yet may get a new key written here:
 *     true for the default {@code <data-dir>/master.key}, false for a file the operator named (a
 *     missing named file is more likely an unmounted secret than a wish for a new key)
 * @param origin how the path was chosen, for messages (e.g. {@code set by master-key-file})
 */
public record MasterKeyFile(Path path, boolean mayCreate, String origin) implements MasterKeySource {
    private static final System.Logger LOG = System.getLogger("atrium.store");

    public MasterKeyFile {
        path = path.toAbsolutePath().normalize();
    }

    @Override
    public Optional<MasterKey> read() {
        String json;
        try {
            json = Files.readString(path);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new MasterKeyException("cannot read the " + describe() + ": " + e.getMessage(), e);
        }
        OwnerOnlyFiles.narrowIfExists(path);
        try {
            return Optional.of(MasterKey.parse(json));
        } catch (IllegalArgumentException e) {
            throw new MasterKeyException("the " + describe() + " is not a master key: " + e.getMessage(), e);
        }
    }

    @Override
    public MasterKey createForNewStore() {
        if (!mayCreate) {
            throw new MasterKeyException("the " + describe() + " does not exist. Make one with `atrium keys new-master-key "
                    + "--output " + path + "` and give every node that shares the store the same file (not in the database).");
        }
        MasterKey key = MasterKey.generate();
        OwnerOnlyFiles.directory(path.getParent());
        try {
            OwnerOnlyFiles.createWith(path, key.toJson());
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof FileAlreadyExistsException) { // another process on this data dir made one first
                return read().orElseThrow(() -> e);
            }
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "generated a new master key (" + key.describeIds() + ") in " + path
                + " (mode 0600): it encrypts signing keys and secrets in the store; back it up apart from the database");
        return key;
    }

    /** Writes {@code key} to the new file {@code file} (mode 0600); fails if the file exists. */
    public static void writeNew(Path file, MasterKey key) {
        OwnerOnlyFiles.createWith(file, key.toJson());
    }

    /** Replaces this file's key atomically. */
    public void replace(MasterKey key) {
        OwnerOnlyFiles.replaceWith(path, key.toJson());
    }

    @Override
    public String describe() {
        return "master key file " + path + (origin == null ? "" : " (" + origin + ")");
    }
}
