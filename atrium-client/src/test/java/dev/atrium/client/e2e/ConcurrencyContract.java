package dev.atrium.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.client.App;
import dev.atrium.client.Credentials;
import dev.atrium.client.User;
import dev.atrium.client.testing.Concurrently;
import dev.atrium.client.testing.CountingTransport;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Many threads on one App: what the Javadoc of {@link App} promises. */
interface ConcurrencyContract extends EndToEnd {

    @Test
    default void manyThreadsLoggingInAnonymouslyShareOneGuestOneLocationAndOneLoginRequest() {
        CountingTransport http = e2e().counter();
        App app = e2e().app(e2e().fileStorage(), http);

        List<User> users = Concurrently.run(32, i -> app.login(Credentials.anonymous()));

        assertThat(new HashSet<>(users)).hasSize(1);
        assertThat(http.count("GET", "/location")).isEqualTo(1);
        assertThat(http.count("POST", "/anon-user/login")).isEqualTo(1);
        assertThat(app.allUsers()).hasSize(1);
    }

    @Test
    default void manyThreadsCreatingUsingAndLoggingOutGuestsLeaveAConsistentStore() {
        App app = e2e().app(e2e().fileStorage());

        List<User> guests = Concurrently.run(12, i -> {
            User guest = app.login(Credentials.anonymous(false));
            guest.refreshProfile();
            app.currentUser();
            app.allUsers();
            if (i % 2 == 0) {
                guest.logOut();
            }
            return guest;
        });

        List<String> kept = guests.stream().filter(User::isLoggedIn).map(User::id).toList();
        assertThat(kept).hasSize(6);
        assertThat(app.allUsers()).containsOnlyKeys(kept);
        assertThat(e2e().app(e2e().fileStorage()).allUsers()).containsOnlyKeys(kept);
        assertThat(app.currentUser()).hasValueSatisfying(u -> assertThat(kept).contains(u.id()));
    }

    @Test
    default void manyThreadsMixingRefreshesAndRequestsOfOneUserAllSucceed() {
        CountingTransport http = e2e().counter();
        App app = e2e().app(e2e().fileStorage(), http);
        User guest = app.login(Credentials.anonymous());
        e2e().server.clock.advance(RefreshContract.PAST_ACCESS_LIFETIME);

        Concurrently.run(24, i -> {
            if (i % 3 == 0) {
                return guest.refreshCustomData();
            }
            guest.refreshProfile();
            return guest.customData();
        });

        assertThat(guest.isLoggedIn()).isTrue();
        assertThat(http.count("GET", "/auth/profile")).isGreaterThanOrEqualTo(1 + 16);
        assertThat(app.login(Credentials.anonymous())).isSameAs(guest);
    }
}
