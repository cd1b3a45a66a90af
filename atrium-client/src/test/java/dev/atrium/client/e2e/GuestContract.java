package dev.atrium.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.client.App;
import dev.atrium.client.Credentials;
import dev.atrium.client.User;
import dev.atrium.client.UserIdentity;
import dev.atrium.client.UserState;
import dev.atrium.client.storage.InMemoryUserStorage;
import dev.atrium.client.testing.CountingTransport;
import org.junit.jupiter.api.Test;

/** A guest's life on one device: login, reuse, switch, logout, remove, delete. */
interface GuestContract extends EndToEnd {

    @Test
    default void anonymousWhenNoGuestThenLogsInFetchesProfileAndMakesItCurrent() {
        CountingTransport http = e2e().counter();
        App app = e2e().app(new InMemoryUserStorage(), http);

        User guest = app.login(Credentials.anonymous());

        assertThat(guest.state()).isEqualTo(UserState.LoggedIn);
        assertThat(guest.isAnonymous()).isTrue();
        assertThat(guest.identities()).extracting(UserIdentity::providerType).containsExactly("anon-user");
        assertThat(guest.profile()).isEmpty();
        assertThat(guest.providerType()).isEqualTo("anon-user");
        assertThat(guest.deviceId()).matches("[0-9a-f]{24}");
        assertThat(app.currentUser()).containsSame(guest);
        assertThat(http.sent()).extracting(Object::toString).containsExactly(
                "GET /api/client/v2.0/app/" + app.id() + "/location",
                "POST /api/client/v2.0/app/" + app.id() + "/auth/providers/anon-user/login",
                "GET /api/client/v2.0/auth/profile");
    }

    @Test
    default void anonymousWhenGuestLoggedInThenSameUserWithoutAnyRequest() {
        CountingTransport http = e2e().counter();
        App app = e2e().app(new InMemoryUserStorage(), http);
        User guest = app.login(Credentials.anonymous());
        int before = http.count();

        User again = app.login(Credentials.anonymous());

        assertThat(again).isSameAs(guest);
        assertThat(http.count()).isEqualTo(before);
    }

    @Test
    default void anonymousWithoutReuseAlwaysCreatesANewGuestAndMakesItCurrent() {
        App app = e2e().app(new InMemoryUserStorage());

        User first = app.login(Credentials.anonymous(false));
        User second = app.login(Credentials.anonymous(false));

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(app.allUsers()).containsOnlyKeys(first.id(), second.id());
        assertThat(app.currentUser()).containsSame(second);
        assertThat(app.login(Credentials.anonymous())).isSameAs(second);
    }

    @Test
    default void switchUserMakesAnotherLoggedInGuestCurrentAndTheOneReused() {
        App app = e2e().app(new InMemoryUserStorage());
        User first = app.login(Credentials.anonymous(false));
        app.login(Credentials.anonymous(false));

        app.switchUser(first);

        assertThat(app.currentUser()).containsSame(first);
        assertThat(app.login(Credentials.anonymous())).isSameAs(first);
    }

    @Test
    default void logOutOfAGuestRemovesItHereAndOnTheServerAndItIsNeverReused() {
        App app = e2e().app(new InMemoryUserStorage());
        User guest = app.login(Credentials.anonymous());

        guest.logOut();

        assertThat(guest.state()).isEqualTo(UserState.Removed);
        assertThat(guest.accessToken()).isNull();
        assertThat(app.allUsers()).isEmpty();
        assertThat(app.currentUser()).isEmpty();
        assertThat(e2e().server.hasUser(guest.id())).isFalse();
        assertThat(app.login(Credentials.anonymous()).id()).isNotEqualTo(guest.id());
    }

    @Test
    default void logOutWhenAnotherGuestIsLoggedInMakesThatOneCurrent() {
        App app = e2e().app(new InMemoryUserStorage());
        User first = app.login(Credentials.anonymous(false));
        User second = app.login(Credentials.anonymous(false));

        second.logOut();

        assertThat(app.currentUser()).containsSame(first);
    }

    @Test
    default void removeUserLogsTheGuestOutAndForgetsIt() {
        App app = e2e().app(new InMemoryUserStorage());
        User guest = app.login(Credentials.anonymous());

        app.removeUser(guest);

        assertThat(guest.state()).isEqualTo(UserState.Removed);
        assertThat(app.allUsers()).isEmpty();
        assertThat(e2e().server.hasUser(guest.id())).isFalse();
    }

    @Test
    default void deleteUserDeletesItOnTheServerAndRemovesItFromTheDevice() {
        InMemoryUserStorage storage = new InMemoryUserStorage();
        App app = e2e().app(storage);
        User guest = app.login(Credentials.anonymous());

        app.deleteUser(guest);

        assertThat(guest.state()).isEqualTo(UserState.Removed);
        assertThat(e2e().server.hasUser(guest.id())).isFalse();
        assertThat(storage.load().users()).isEmpty();
    }

    @Test
    default void customDataOfAGuestIsEmptyAndRefreshingItAsksForExactlyOneNewAccessToken() {
        CountingTransport http = e2e().counter();
        App app = e2e().app(new InMemoryUserStorage(), http);
        User guest = app.login(Credentials.anonymous());
        String oldToken = guest.accessToken();
        e2e().server.clock.advance(java.time.Duration.ofSeconds(5)); // a new iat, so a new token

        assertThat(guest.customData()).isEmpty();
        assertThat(guest.refreshCustomData()).isEmpty();

        assertThat(http.count("POST", "/auth/session")).isEqualTo(1);
        assertThat(guest.accessToken()).isNotEqualTo(oldToken);
    }
}
