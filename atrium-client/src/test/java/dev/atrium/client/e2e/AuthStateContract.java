package dev.atrium.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.client.App;
import dev.atrium.client.Credentials;
import dev.atrium.client.User;
import dev.atrium.client.storage.InMemoryUserStorage;
import dev.atrium.client.testing.Concurrently;
import dev.atrium.client.testing.RecordingListener;
import org.junit.jupiter.api.Test;

/** What auth-state listeners hear from a real server: a guest's life from first login to a lasting identity. Needs local-userpass. */
interface AuthStateContract extends EndToEnd {

    @Test
    default void guestLoggedInRefreshedLinkedAndLoggedOutIsHeardInThatOrder() {
        Accounts accounts = new Accounts(e2e());
        App app = e2e().app(e2e().fileStorage());
        RecordingListener listener = new RecordingListener();
        app.addAuthStateListener(listener);
        User guest = app.login(Credentials.anonymous());
        e2e().server.clock.advance(RefreshContract.PAST_ACCESS_LIFETIME);

        Concurrently.run(8, i -> {
            guest.refreshProfile(); // 8 requests with an expired token: one refresh
            return null;
        });
        String email = Accounts.newEmail();
        accounts.registerAndConfirm(app, email);
        guest.linkCredentials(Credentials.emailPassword(email, Accounts.PASSWORD));
        guest.logOut();
        app.login(Credentials.emailPassword(email, Accounts.PASSWORD));

        String id = guest.id();
        assertThat(listener.awaitExactly(5)).containsExactly("LoggedIn(" + id + ")", "TokenRefreshed(" + id + ")",
                "TokenRefreshed(" + id + ")", "LoggedOut(" + id + ")", "LoggedIn(" + id + ")");
        assertThat(listener.mostAtOnce()).isEqualTo(1);
    }

    @Test
    default void sessionEndedElsewhereIsHeardAsRemovedWhenTheRefreshIsRefused() {
        InMemoryUserStorage storage = new InMemoryUserStorage();
        App app = e2e().app(storage);
        RecordingListener listener = new RecordingListener();
        app.addAuthStateListener(listener);
        User guest = app.login(Credentials.anonymous());
        e2e().app(new InMemoryUserStorage(storage.load())).login(Credentials.anonymous()).logOut();
        e2e().server.clock.advance(RefreshContract.PAST_ACCESS_LIFETIME);

        try {
            guest.refreshProfile();
        } catch (dev.atrium.client.SessionExpiredException expected) {
            // the refusal is the point; what listeners hear is checked below
        }

        assertThat(listener.awaitExactly(2)).containsExactly("LoggedIn(" + guest.id() + ")", "Removed(" + guest.id() + ")");
    }
}
