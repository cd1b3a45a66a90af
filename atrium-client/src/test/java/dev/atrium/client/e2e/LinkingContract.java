package dev.atrium.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.client.App;
import dev.atrium.client.Credentials;
import dev.atrium.client.ServiceException;
import dev.atrium.client.User;
import dev.atrium.client.UserIdentity;
import dev.atrium.client.UserState;
import dev.atrium.client.storage.InMemoryUserStorage;
import dev.atrium.client.testing.CountingTransport;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A guest linked to a lasting identity. Needs local-userpass on the server. */
interface LinkingContract extends EndToEnd {

    /** A guest on {@code app} linked to a newly registered and confirmed address; returns the address. */
    private String linkNewEmail(Accounts accounts, App app, User guest) {
        String email = Accounts.newEmail();
        accounts.registerAndConfirm(app, email);
        guest.linkCredentials(Credentials.emailPassword(email, Accounts.PASSWORD));
        return email;
    }

    @Test
    default void guestLinkedToEmailPasswordKeepsItsIdAndIsNoLongerAnonymous() {
        Accounts accounts = new Accounts(e2e());
        App app = e2e().app(e2e().fileStorage());
        User guest = app.login(Credentials.anonymous());

        String email = linkNewEmail(accounts, app, guest);

        assertThat(guest.state()).isEqualTo(UserState.LoggedIn);
        assertThat(guest.isAnonymous()).isFalse();
        assertThat(guest.identities()).extracting(UserIdentity::providerType).containsExactly("anon-user", "local-userpass");
        assertThat(guest.profile()).containsEntry("email", email);
        assertThat(e2e().server.hasUser(guest.id())).isTrue();
    }

    @Test
    default void linkedGuestLogsInFromAFreshAppWithTheSameId() {
        Accounts accounts = new Accounts(e2e());
        App app = e2e().app(e2e().fileStorage());
        User guest = app.login(Credentials.anonymous());
        String email = linkNewEmail(accounts, app, guest);

        App fresh = e2e().app(new InMemoryUserStorage());
        User again = fresh.login(Credentials.emailPassword(email, Accounts.PASSWORD));

        assertThat(again.id()).isEqualTo(guest.id());
        assertThat(again.identities()).extracting(UserIdentity::providerType).containsExactly("anon-user", "local-userpass");
    }

    @Test
    default void anonymousLoginAfterLinkingCreatesANewGuest() {
        Accounts accounts = new Accounts(e2e());
        App app = e2e().app(e2e().fileStorage());
        User guest = app.login(Credentials.anonymous());
        linkNewEmail(accounts, app, guest);

        User next = app.login(Credentials.anonymous());

        assertThat(next.id()).isNotEqualTo(guest.id());
        assertThat(next.isAnonymous()).isTrue();
    }

    @Test
    default void linkedUserLoggingOutIsKeptLoggedOutAndComesBackWithItsCredentials() {
        Accounts accounts = new Accounts(e2e());
        App app = e2e().app(e2e().fileStorage());
        User guest = app.login(Credentials.anonymous());
        String email = linkNewEmail(accounts, app, guest);

        guest.logOut();

        assertThat(guest.state()).isEqualTo(UserState.LoggedOut);
        assertThat(e2e().app(e2e().fileStorage()).allUsers()).containsKey(guest.id());
        assertThat(app.login(Credentials.emailPassword(email, Accounts.PASSWORD))).isSameAs(guest);
        assertThat(guest.state()).isEqualTo(UserState.LoggedIn);
    }

    @Test
    default void linkingAnEmailOfAnotherUserIsRefusedWithLinkRefusedInOneRequest() {
        Accounts accounts = new Accounts(e2e());
        App other = e2e().app(new InMemoryUserStorage());
        String taken = Accounts.newEmail();
        accounts.registerAndConfirm(other, taken);
        other.login(Credentials.emailPassword(taken, Accounts.PASSWORD));
        CountingTransport http = e2e().counter();
        User guest = e2e().app(new InMemoryUserStorage(), http).login(Credentials.anonymous());
        int before = http.count();

        assertThatThrownBy(() -> guest.linkCredentials(Credentials.emailPassword(taken, Accounts.PASSWORD)))
                .isInstanceOfSatisfying(dev.atrium.client.LinkRefusedException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.LinkRefused);
                    assertThat(e.httpStatus()).isEqualTo(409);
                });

        assertThat(http.sent().subList(before, http.count())).extracting(Object::toString)
                .containsExactly("POST /api/client/v2.0/app/" + e2e().server.appId() + "/auth/providers/local-userpass/login");
        assertThat(guest.isAnonymous()).isTrue();
        assertThat(guest.state()).isEqualTo(UserState.LoggedIn);
    }

    @Test
    default void linkingASecondEmailOrAWrongPasswordIsRefusedWithLinkRefusedWithoutRefreshing() {
        Accounts accounts = new Accounts(e2e());
        CountingTransport http = e2e().counter();
        App app = e2e().app(new InMemoryUserStorage(), http);
        User guest = app.login(Credentials.anonymous());
        linkNewEmail(accounts, app, guest);
        String second = Accounts.newEmail();
        accounts.registerAndConfirm(app, second);

        for (Credentials refused : new Credentials[] {Credentials.emailPassword(second, Accounts.PASSWORD),
                Credentials.emailPassword(second, "wrong-password-9")}) {
            assertThatThrownBy(() -> guest.linkCredentials(refused))
                    .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.LinkRefused));
        }
        assertThat(http.count("POST", "/auth/session")).isZero();
        assertThat(guest.identities()).hasSize(2);
    }

    @Test
    default void refusedRefreshOfALinkedUserLogsItOutButKeepsIt() {
        Accounts accounts = new Accounts(e2e());
        InMemoryUserStorage storage = new InMemoryUserStorage();
        App app = e2e().app(storage);
        User guest = app.login(Credentials.anonymous());
        linkNewEmail(accounts, app, guest);
        // Another copy of the device ends this session: for a linked user only the session is revoked.
        App copy = e2e().app(new InMemoryUserStorage(storage.load()));
        copy.currentUser().orElseThrow().logOut();
        e2e().server.clock.advance(Duration.ofMinutes(31));

        assertThatThrownBy(guest::refreshProfile).isInstanceOf(ServiceException.class);

        assertThat(guest.state()).isEqualTo(UserState.LoggedOut);
        assertThat(app.allUsers()).containsKey(guest.id());
        assertThat(e2e().server.hasUser(guest.id())).isTrue();
    }
}
