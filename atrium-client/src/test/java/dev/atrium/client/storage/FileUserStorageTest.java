package dev.atrium.client.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file store: what it saves it loads, atomically, readable by the owner only. */
class FileUserStorageTest {
    @TempDir
    Path dir;

    static StoredUsers snapshot(String... ids) {
        List<StoredUser> users = Stream.of(ids).map(id -> new StoredUser(id, true, "a." + id + ".c", "r." + id + ".t",
                "dev", "anon-user", List.of(new StoredUser.Identity("i-" + id, "anon-user")), Map.of("name", id))).toList();
        return new StoredUsers("app-1", ids.length == 0 ? null : ids[0], users);
    }

    @Test
    void missingFileLoadsAsEmpty() {
        assertThat(new FileUserStorage(dir.resolve("users.json")).load()).isEqualTo(StoredUsers.EMPTY);
    }

    @Test
    void whatIsSavedIsLoadedByAnotherInstanceOverTheSameFile() {
        Path file = dir.resolve("users.json");
        new FileUserStorage(file).save(snapshot("u1", "u2"));

        assertThat(new FileUserStorage(file).load()).isEqualTo(snapshot("u1", "u2"));
    }

    @Test
    void fileAndCreatedDirectoryAreOwnerOnly() throws Exception {
        Path file = dir.resolve("nested/dir/users.json");

        new FileUserStorage(file).save(snapshot("u1"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void replacingAWorldReadableFileLeavesAnOwnerOnlyOne() throws Exception {
        Path file = dir.resolve("users.json");
        Files.writeString(file, "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        new FileUserStorage(file).save(snapshot("u1"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void savesLeaveNoTempFilesBehind() throws Exception {
        FileUserStorage storage = new FileUserStorage(dir.resolve("users.json"));

        IntStream.range(0, 5).forEach(i -> storage.save(snapshot("u" + i)));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("users.json");
        }
    }

    @Test
    void concurrentSavesAlwaysLeaveOneCompleteSnapshot() throws Exception {
        FileUserStorage storage = new FileUserStorage(dir.resolve("users.json"));

        List<java.util.concurrent.Future<?>> saves = new java.util.ArrayList<>();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            IntStream.range(0, 20).forEach(i -> saves.add(threads.submit(() -> {
                storage.save(snapshot("u" + i, "v" + i));
                assertThat(storage.load().users()).hasSize(2);
            })));
            for (java.util.concurrent.Future<?> save : saves) {
                save.get();
            }
        } finally {
            threads.shutdown();
        }

        StoredUsers last = storage.load();
        assertThat(last.users().get(1).id()).isEqualTo("v" + last.users().get(0).id().substring(1));
    }

    @Test
    void unreadableFileIsRefusedNotTreatedAsEmpty() throws Exception {
        Path file = dir.resolve("users.json");
        Files.writeString(file, "{ this is not json");

        assertThatThrownBy(() -> new FileUserStorage(file).load()).isInstanceOf(UncheckedIOException.class);
        assertThat(Files.readString(file)).isEqualTo("{ this is not json");
    }

    @Test
    void fileOfAnUnknownVersionIsRefused() throws Exception {
        Path file = dir.resolve("users.json");
        Files.writeString(file, "{\"version\":99,\"users\":[]}");

        assertThatThrownBy(() -> new FileUserStorage(file).load())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("99");
    }

    @Test
    void fileIsReadableJsonWithAVersion() throws Exception {
        Path file = dir.resolve("users.json");

        new FileUserStorage(file).save(snapshot("u1"));

        assertThat(Files.readString(file)).contains("\"version\" : 1", "\"app_id\" : \"app-1\"", "\"refresh_token\"");
    }

    @Test
    void ownerOnlyFlagsGiveTheSameModeAsThePosixAttributes() throws Exception {
        // The fallback for file systems without POSIX permissions, checked where POSIX can see it.
        Path file = Files.createFile(dir.resolve("plain.json"));
        Path sub = Files.createDirectory(dir.resolve("plain-dir"));
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(sub, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));

        FileUserStorage.ownerOnly(file.toFile(), false);
        FileUserStorage.ownerOnly(sub.toFile(), true);

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(sub))).isEqualTo("rwx------");
    }
}
