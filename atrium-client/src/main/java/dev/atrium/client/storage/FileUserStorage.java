package dev.atrium.client.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the snapshot in one JSON file, so guests and their sessions survive process restarts.
 *
 * <p>Every {@link #save} writes a temp file next to the target (created owner-only, mode 0600,
 * before a byte is written), forces it to disk, then renames it over the target with
 * {@code ATOMIC_MOVE}: a crash leaves the old file or the new one, never a torn one, and the file
 * is never readable by other OS users (it holds refresh tokens). A directory created for it is
 * mode 0700. Where the file system has no POSIX permissions (Windows, some Android volumes) the
 * same intent is applied with {@link java.io.File}'s owner-only read/write flags, as far as the
 * platform honours them; on Android keep the file in the app's private directory
 * ({@code Context.getFilesDir()}), which no other app can read anyway.
 *
 * <p>Thread-safe: saves are serialised, loads read whichever complete file is there. One process
 * at a time: two processes over the same file would overwrite each other's changes.
 */
public final class FileUserStorage implements UserStorage {
    private static final String OWNER_ONLY = "rw-------";
    private static final String OWNER_ONLY_DIR = "rwx------";

    private final Path file;
    private final ReentrantLock saving = new ReentrantLock();

    /** A store in {@code file} (created on the first save, with its directory if needed). */
    public FileUserStorage(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** The file this store writes. */
    public Path file() {
        return file;
    }

    @Override
    public StoredUsers load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return StoredUsers.EMPTY;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read user store " + file, e);
        }
        try {
            return FileFormat.read(bytes);
        } catch (IOException e) {
            // Refuse rather than start empty: saving over it would destroy every stored guest.
            throw new UncheckedIOException("user store " + file + " is unreadable: " + e.getMessage(), e);
        }
    }

    @Override
    public void save(StoredUsers users) {
        byte[] bytes = FileFormat.write(users);
        saving.lock();
        try {
            writeAtomically(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write user store " + file, e);
        } finally {
            saving.unlock();
        }
    }

    private void writeAtomically(byte[] bytes) throws IOException {
        Path dir = file.getParent();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, posix ? perms(OWNER_ONLY_DIR) : new FileAttribute<?>[0]);
            if (!posix) {
                ownerOnly(dir.toFile(), true);
            }
        }
        Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp",
                posix ? perms(OWNER_ONLY) : new FileAttribute<?>[0]);
        try {
            if (!posix) {
                ownerOnly(temp.toFile(), false); // before a byte is written, like the POSIX mode
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + dir + " cannot replace files atomically", e);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(dir);
    }

    /** Makes the rename itself durable where the platform allows opening a directory (Linux, macOS). */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Best effort only: the file's own content was forced before the rename.
        }
    }

    /**
     * Owner-only access without POSIX attributes: everyone's read/write/execute taken away, then
     * the owner's given back ({@code java.io.File}'s flags, which Android and Windows have).
     */
    static void ownerOnly(java.io.File f, boolean directory) {
        f.setReadable(false, false);
        f.setWritable(false, false);
        f.setExecutable(false, false);
        f.setReadable(true, true);
        f.setWritable(true, true);
        if (directory) {
            f.setExecutable(true, true);
        }
    }

    private static FileAttribute<?>[] perms(String mode) {
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))};
    }
}
