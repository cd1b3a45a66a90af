package dev.atrium.client.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The in-memory store keeps the last snapshot, and a copy made from it is independent. */
class InMemoryUserStorageTest {

    @Test
    void keepsTheLastSnapshotAndStartsEmpty() {
        InMemoryUserStorage storage = new InMemoryUserStorage();
        assertThat(storage.load()).isEqualTo(StoredUsers.EMPTY);

        storage.save(FileUserStorageTest.snapshot("u1"));

        assertThat(storage.load()).isEqualTo(FileUserStorageTest.snapshot("u1"));
    }

    @Test
    void aCopyStartsWithTheSnapshotAndThenGoesItsOwnWay() {
        InMemoryUserStorage original = new InMemoryUserStorage(FileUserStorageTest.snapshot("u1"));
        InMemoryUserStorage copy = new InMemoryUserStorage(original.load());

        copy.save(StoredUsers.EMPTY);

        assertThat(original.load()).isEqualTo(FileUserStorageTest.snapshot("u1"));
    }
}
