package dev.atrium.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.client.App;
import dev.atrium.client.ClientErrorCode;
import dev.atrium.client.ClientException;
import dev.atrium.client.Credentials;
import dev.atrium.client.NetworkException;
import dev.atrium.client.ServiceException;
import dev.atrium.client.User;
import dev.atrium.client.UserState;
import dev.atrium.client.storage.InMemoryUserStorage;
import dev.atrium.client.testing.CountingTransport;
import org.junit.jupiter.api.Test;

/** Refusals by the server, by the network and by the SDK itself: typed, and changing nothing they should not. */
interface RefusalContract extends EndToEnd {

    @Test
    default void unknownAppIdIsAServiceExceptionWithAppNotFound() {
        App app = e2e().app("no-such-app", e2e().server.baseUrl(), new InMemoryUserStorage(), e2e().counter());

        assertThatThrownBy(() -> app.login(Credentials.anonymous()))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.AppNotFound);
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.link()).isPresent();
                });
        assertThat(app.allUsers()).isEmpty();
    }

    @Test
    default void disabledProviderIsAServiceExceptionWithAuthProviderNotFound() {
        e2e().server.disableProvider("anon-user");
        App app = e2e().app(new InMemoryUserStorage());

        assertThatThrownBy(() -> app.login(Credentials.anonymous()))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.AuthProviderNotFound);
                    assertThat(e.wireErrorCode()).isEqualTo("AuthProviderNotFound");
                    assertThat(e.httpStatus()).isEqualTo(404);
                });
        assertThat(app.allUsers()).isEmpty();
    }

    @Test
    default void serverDownIsANetworkExceptionNotAServiceException() {
        String baseUrl = e2e().server.baseUrl();
        e2e().server.stop();
        App app = e2e().app(e2e().server.appId(), baseUrl, new InMemoryUserStorage(), e2e().counter());

        assertThatThrownBy(() -> app.login(Credentials.anonymous())).isInstanceOf(NetworkException.class);
        assertThat(app.allUsers()).isEmpty();
    }

    @Test
    default void networkFailureKeepsTheGuestLoggedInAndTheNextCallWorksOnceTheServerIsBack() {
        App app = e2e().app(new InMemoryUserStorage());
        User guest = app.login(Credentials.anonymous());
        e2e().server.stop();

        assertThatThrownBy(guest::refreshProfile).isInstanceOf(NetworkException.class);
        assertThatThrownBy(guest::refreshCustomData).isInstanceOf(NetworkException.class);
        assertThat(guest.state()).isEqualTo(UserState.LoggedIn);

        e2e().server.restartOnSamePort();
        guest.refreshProfile();
        assertThat(app.login(Credentials.anonymous())).isSameAs(guest);
    }

    @Test
    default void linkingAnonymousCredentialsIsRefusedLocallyWithoutAnyRequest() {
        CountingTransport http = e2e().counter();
        User guest = e2e().app(new InMemoryUserStorage(), http).login(Credentials.anonymous());
        int before = http.count();

        for (Credentials anonymous : new Credentials[] {Credentials.anonymous(), Credentials.anonymous(false)}) {
            assertThatThrownBy(() -> guest.linkCredentials(anonymous))
                    .isInstanceOfSatisfying(ClientException.class,
                            e -> assertThat(e.code()).isEqualTo(ClientErrorCode.ClientUserAlreadyNamed));
        }

        assertThat(http.count()).isEqualTo(before);
        assertThat(guest.isAnonymous()).isTrue();
        assertThat(guest.state()).isEqualTo(UserState.LoggedIn);
    }

    @Test
    default void operationsOnARemovedGuestAreRefusedLocallyWithoutAnyRequest() {
        CountingTransport http = e2e().counter();
        App app = e2e().app(new InMemoryUserStorage(), http);
        User guest = app.login(Credentials.anonymous());
        guest.logOut();
        int before = http.count();

        assertThatThrownBy(() -> guest.linkCredentials(Credentials.emailPassword("a@example.com", "secret1")))
                .isInstanceOfSatisfying(ClientException.class,
                        e -> assertThat(e.code()).isEqualTo(ClientErrorCode.ClientUserNotFound));
        assertThatThrownBy(() -> app.deleteUser(guest)).isInstanceOf(ClientException.class);
        assertThatThrownBy(guest::refreshProfile).isInstanceOf(ClientException.class);
        assertThatThrownBy(() -> guest.apiKeys().list()).isInstanceOf(ClientException.class);
        assertThatThrownBy(() -> app.switchUser(guest))
                .isInstanceOfSatisfying(ClientException.class,
                        e -> assertThat(e.code()).isEqualTo(ClientErrorCode.ClientUserNotLoggedIn));
        guest.logOut(); // a second logout does nothing
        app.removeUser(guest);

        assertThat(http.count()).isEqualTo(before);
    }

    @Test
    default void userOfAnotherAppIsRefused() {
        User guest = e2e().app(new InMemoryUserStorage()).login(Credentials.anonymous());
        App other = e2e().app(new InMemoryUserStorage());

        assertThatThrownBy(() -> other.removeUser(guest)).isInstanceOfSatisfying(ClientException.class,
                e -> assertThat(e.code()).isEqualTo(ClientErrorCode.InvalidArgument));
        assertThat(guest.state()).isEqualTo(UserState.LoggedIn);
    }
}
