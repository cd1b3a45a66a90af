package dev.atrium.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.client.App;
import dev.atrium.client.Credentials;
import dev.atrium.client.User;
import dev.atrium.client.UserState;
import dev.atrium.client.storage.FileUserStorage;
import dev.atrium.client.testing.CountingTransport;
import org.junit.jupiter.api.Test;

/** A guest survives process restarts through the file store. */
interface PersistenceContract extends EndToEnd {

    @Test
    default void anonymousWhenGuestPersistedThenReturnedWithoutAnyRequest() {
        App before = e2e().app(e2e().fileStorage());
        User guest = before.login(Credentials.anonymous());
        before.close();

        CountingTransport http = e2e().counter();
        App after = e2e().app(new FileUserStorage(e2e().fileStorage().file()), http);
        User again = after.login(Credentials.anonymous());

        assertThat(again.id()).isEqualTo(guest.id());
        assertThat(again.isAnonymous()).isTrue();
        assertThat(again.accessToken()).isEqualTo(guest.accessToken());
        assertThat(http.sent()).isEmpty();
    }

    @Test
    default void persistedGuestIsCurrentAtOnceAndWorksAfterClientAndServerRestart() {
        User guest = e2e().app(e2e().fileStorage()).login(Credentials.anonymous());
        e2e().server.restart(); // same data, another port

        CountingTransport http = e2e().counter();
        App after = e2e().app(e2e().fileStorage(), http);

        assertThat(after.currentUser()).hasValueSatisfying(u -> assertThat(u.id()).isEqualTo(guest.id()));
        User again = after.login(Credentials.anonymous());
        assertThat(http.sent()).isEmpty();
        again.refreshProfile(); // the stored token is accepted by the restarted server
        assertThat(again.state()).isEqualTo(UserState.LoggedIn);
        assertThat(http.count("POST", "/auth/session")).isZero();
    }

    @Test
    default void loggedOutGuestIsGoneFromTheFileSoTheNextRunCreatesANewOne() {
        App before = e2e().app(e2e().fileStorage());
        User guest = before.login(Credentials.anonymous());
        guest.logOut();

        App after = e2e().app(e2e().fileStorage());

        assertThat(after.allUsers()).isEmpty();
        assertThat(after.login(Credentials.anonymous()).id()).isNotEqualTo(guest.id());
    }

    @Test
    default void currentUserChoiceSurvivesARestart() {
        App before = e2e().app(e2e().fileStorage());
        User first = before.login(Credentials.anonymous(false));
        before.login(Credentials.anonymous(false));
        before.switchUser(first);

        App after = e2e().app(e2e().fileStorage());

        assertThat(after.allUsers()).hasSize(2);
        assertThat(after.currentUser().map(User::id)).contains(first.id());
        assertThat(after.login(Credentials.anonymous()).id()).isEqualTo(first.id());
    }
}
