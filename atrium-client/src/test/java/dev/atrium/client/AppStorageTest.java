package dev.atrium.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.client.storage.InMemoryUserStorage;
import dev.atrium.client.storage.StoredUser;
import dev.atrium.client.storage.StoredUsers;
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
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("other-app");
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
    void baseUrlMustBeAnAbsoluteHttpUrl() {
        assertThatThrownBy(() -> App.create("my-app", "ftp://x", new InMemoryUserStorage()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> App.create(" ", "http://x", new InMemoryUserStorage()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
