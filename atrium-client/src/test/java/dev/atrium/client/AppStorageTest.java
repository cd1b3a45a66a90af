package dev.atrium.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.client.storage.InMemoryUserStorage;
import dev.atrium.client.storage.StoredUser;
import dev.atrium.client.storage.StoredUsers;
import dev.atrium.client.storage.UserStorage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an App makes of the storage it is given, before any request. */
class AppStorageTest {
    static StoredUser guest(String id, boolean loggedIn) {
        return new StoredUser(id, loggedIn, loggedIn ? "a.b.c" : null, loggedIn ? "r.s.t" : null, "d", "anon-user",
                List.of(new StoredUser.Identity("i", "anon-user")), Map.of());
    }

    @Test
    void storageHoldingUsersOfAnotherAppIsRefused() {
        InMemoryUserStorage storage = new InMemoryUserStorage(new StoredUsers("other-app", null, List.of(guest("u1", true))));

        assertThatThrownBy(() -> App.create("my-app", "http://127.0.0.1:1", storage))
                .isInstanceOf(StorageException.class).hasMessageContaining("other-app");
    }

    @Test
    void storedLoggedInGuestIsCurrentAndAnonymousAtOnce() {
        InMemoryUserStorage storage = new InMemoryUserStorage(new StoredUsers("my-app", "u1", List.of(guest("u1", true))));

        try (App app = App.create("my-app", "http://127.0.0.1:1", storage)) {
            assertThat(app.currentUser()).hasValueSatisfying(u -> {
                assertThat(u.id()).isEqualTo("u1");
                assertThat(u.isAnonymous()).isTrue();
            });
            assertThat(app.login(Credentials.anonymous()).id()).isEqualTo("u1"); // port 1: any request would fail
        }
    }

    @Test
    void storedLoggedOutUserIsKeptButNeitherCurrentNorReused() {
        InMemoryUserStorage storage = new InMemoryUserStorage(new StoredUsers("my-app", "u1", List.of(guest("u1", false))));

        try (App app = App.create("my-app", "http://127.0.0.1:1", storage)) {
            assertThat(app.allUsers()).containsOnlyKeys("u1");
            assertThat(app.allUsers().get("u1").state()).isEqualTo(UserState.LoggedOut);
            assertThat(app.currentUser()).isEmpty();
            assertThatThrownBy(() -> app.login(Credentials.anonymous())).isInstanceOf(NetworkException.class);
        }
    }

    @Test
    void unusableArgumentsAreClientExceptionsWithInvalidArgument() {
        List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> calls = List.of(
                () -> App.create("my-app", "ftp://x", new InMemoryUserStorage()),
                () -> App.create("my-app", "http://exa mple.com", new InMemoryUserStorage()),
                () -> App.create("my-app", "not a url", new InMemoryUserStorage()),
                () -> App.create("my-app", null, new InMemoryUserStorage()),
                () -> App.create(" ", "http://x", new InMemoryUserStorage()),
                () -> App.create(null, "http://x", new InMemoryUserStorage()),
                () -> App.create("my app", "http://x", new InMemoryUserStorage()),
                () -> App.create("my-app", "http://x", null),
                () -> App.builder("my-app", "http://x", new InMemoryUserStorage()).requestTimeout(java.time.Duration.ZERO),
                () -> App.builder("my-app", "http://x", new InMemoryUserStorage()).transport(null),
                () -> App.builder("my-app", "http://x", new InMemoryUserStorage()).executor(null));
        for (var call : calls) {
            assertThatThrownBy(call).isInstanceOfSatisfying(ClientException.class,
                    e -> assertThat(e.code()).isEqualTo(ClientErrorCode.InvalidArgument));
        }
    }

    @Test
    void storageThatCannotBeReadIsAStorageExceptionFromCreate() {
        UserStorage broken = new UserStorage() {
            @Override
            public StoredUsers load() {
                throw new java.io.UncheckedIOException(new java.io.IOException("disk on fire"));
            }

            @Override
            public void save(StoredUsers users) {}
        };

        assertThatThrownBy(() -> App.create("my-app", "http://127.0.0.1:1", broken))
                .isInstanceOf(StorageException.class).hasMessageContaining("disk on fire")
                .hasCauseInstanceOf(java.io.UncheckedIOException.class);
    }

    @Test
    void failedSaveIsAStorageExceptionAndChangesNothing() {
        InMemoryUserStorage stored = new InMemoryUserStorage(new StoredUsers("my-app", "u1", List.of(guest("u1", true))));
        UserStorage failingSaves = new UserStorage() {
            @Override
            public StoredUsers load() {
                return stored.load();
            }

            @Override
            public void save(StoredUsers users) {
                throw new java.io.UncheckedIOException(new java.io.IOException("read-only"));
            }
        };

        try (App app = App.create("my-app", "http://127.0.0.1:1", failingSaves)) {
            User guest = app.currentUser().orElseThrow();
            assertThatThrownBy(guest::logOut).isInstanceOf(StorageException.class);
            assertThat(guest.state()).isEqualTo(UserState.LoggedIn);
        }
    }
}
