package dev.atrium.store.jdbc.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Owner-only modes for what Atrium keeps on disk: directories 0700, files 0600. They are created
 * with that mode (an attribute of the create call, so they are never readable by others, not even
 * for a moment, whatever the umask) and an existing one that is wider is narrowed with a log line.
 * On a file system without POSIX permissions nothing is changed.
 */
public final class OwnerOnlyFiles {
    private static final System.Logger LOG = System.getLogger("atrium.store");
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {}

    /** Creates {@code dir} (and missing parents) 0700, or narrows an existing {@code dir} to 0700. */
    public static Path directory(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                narrow(dir, DIRECTORY);
            } else if (posix(dir.toAbsolutePath().getParent())) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } else {
                Files.createDirectories(dir);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Creates the empty file {@code file} 0600 unless it exists; an existing one is narrowed to 0600. */
    public static void file(Path file) {
        try {
            Files.createFile(file, attribute(file, FILE));
        } catch (FileAlreadyExistsException e) {
            narrowIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Narrows {@code file} to 0600 if it exists and is wider. A file that goes between the look and
     * the change is no error: SQLite deletes its {@code -wal} and {@code -shm} files when another
     * node's last connection closes, which may happen at any moment.
     */
    public static void narrowIfExists(Path file) {
        try {
            if (Files.exists(file)) {
                narrow(file, FILE);
            }
        } catch (NoSuchFileException gone) {
            // deleted meanwhile: nothing left to narrow
        } catch (IOException e) {
            throw new UncheckedIOException("cannot change the mode of " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code text} to the new file {@code file}, 0600 from its creation; fails if it exists. */
    public static void createWith(Path file, String text) {
        try {
            Files.writeString(Files.createFile(file, attribute(file, FILE)), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces {@code file} by one holding {@code text}, 0600, atomically: a reader sees the old
     * content or the new, never a part (a temporary file beside it, then a rename).
     */
    public static void replaceWith(Path file, String text) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attribute(file, FILE));
            try {
                Files.writeString(tmp, text);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + file + ": " + e.getMessage(), e);
        }
    }

    private static void narrow(Path path, Set<PosixFilePermission> wanted) throws IOException {
        if (!posix(path)) {
            return;
        }
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(path);
        if (!wanted.containsAll(now)) {
            Set<PosixFilePermission> next = PosixFilePermissions.fromString(PosixFilePermissions.toString(now));
            next.retainAll(wanted);
            try {
                Files.setPosixFilePermissions(path, next);
            } catch (IOException e) { // not ours to change (another owner): say so, and go on
                LOG.log(System.Logger.Level.WARNING, path + " is " + PosixFilePermissions.toString(now) + " and cannot be "
                        + "narrowed to " + PosixFilePermissions.toString(next) + " (" + e.getMessage() + "): it holds secrets; "
                        + "make it readable by Atrium's user only");
                return;
            }
            LOG.log(System.Logger.Level.INFO, "narrowed " + path + " from " + PosixFilePermissions.toString(now) + " to "
                    + PosixFilePermissions.toString(next) + ": it holds secrets, only its owner may read it");
        }
    }

    private static FileAttribute<?>[] attribute(Path file, Set<PosixFilePermission> mode) {
        return posix(file.toAbsolutePath().getParent())
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)} : new FileAttribute<?>[0];
    }

    private static boolean posix(Path path) {
        Path p = path;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        try {
            return p != null && Files.getFileStore(p).supportsFileAttributeView("posix");
        } catch (IOException e) {
            return false;
        }
    }
}
