package dev.atrium.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.client.App;
import dev.atrium.client.Credentials;
import dev.atrium.client.ServiceException;
import dev.atrium.client.User;
import dev.atrium.client.UserState;
import dev.atrium.client.storage.InMemoryUserStorage;
import dev.atrium.client.testing.Concurrently;
import dev.atrium.client.testing.CountingTransport;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Access-token refresh: once per 401, shared by concurrent requests, logout when refused. */
interface RefreshContract extends EndToEnd {
    /** Past the 30-minute access-token lifetime. */
    Duration PAST_ACCESS_LIFETIME = Duration.ofMinutes(31);

    @Test
    default void expiredAccessTokenIsRefreshedOnceAndTheRequestRetriedOnce() {
        CountingTransport http = e2e().counter();
        InMemoryUserStorage storage = new InMemoryUserStorage();
        User guest = e2e().app(storage, http).login(Credentials.anonymous());
        String expired = guest.accessToken();
        e2e().server.clock.advance(PAST_ACCESS_LIFETIME);

        guest.refreshProfile();

        assertThat(http.count("GET", "/auth/profile")).isEqualTo(1 + 2); // login's, the 401, the retry
        assertThat(http.count("POST", "/auth/session")).isEqualTo(1);
        assertThat(guest.accessToken()).isNotEqualTo(expired);
        assertThat(storage.load().users().get(0).accessToken()).isEqualTo(guest.accessToken());
    }

    @Test
    default void concurrentRequestsWithAnExpiredTokenShareOneRefresh() {
        CountingTransport http = e2e().counter();
        User guest = e2e().app(new InMemoryUserStorage(), http).login(Credentials.anonymous());
        e2e().server.clock.advance(PAST_ACCESS_LIFETIME);

        Concurrently.run(16, i -> {
            guest.refreshProfile();
            return null;
        });

        assertThat(http.count("POST", "/auth/session")).isEqualTo(1);
        assertThat(guest.state()).isEqualTo(UserState.LoggedIn);
    }

    @Test
    default void refusedRefreshLogsTheGuestOutLocallyAndRemovesIt() {
        InMemoryUserStorage storage = new InMemoryUserStorage();
        CountingTransport http = e2e().counter();
        User guest = e2e().app(storage, http).login(Credentials.anonymous());
        // Another copy of the device logs the guest out: the server deletes it.
        e2e().app(new InMemoryUserStorage(storage.load())).login(Credentials.anonymous()).logOut();
        int before = http.count();

        assertThatThrownBy(guest::refreshProfile)
                .isInstanceOfSatisfying(dev.atrium.client.SessionExpiredException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.InvalidSession);
                    assertThat(e.httpStatus()).isEqualTo(401);
                });

        assertThat(guest.state()).isEqualTo(UserState.Removed);
        assertThat(storage.load().users()).isEmpty();
        assertThat(http.sent().subList(before, http.count())).extracting(Object::toString)
                .containsExactly("GET /api/client/v2.0/auth/profile", "POST /api/client/v2.0/auth/session");
    }

    @Test
    default void refreshedAccessTokenIsPersistedSoTheNextRunUsesItWithoutRefreshing() {
        User guest = e2e().app(e2e().fileStorage()).login(Credentials.anonymous());
        e2e().server.clock.advance(PAST_ACCESS_LIFETIME);
        guest.refreshProfile();

        CountingTransport http = e2e().counter();
        App after = e2e().app(e2e().fileStorage(), http);
        after.login(Credentials.anonymous()).refreshProfile();

        assertThat(http.count("POST", "/auth/session")).isZero();
    }
}
