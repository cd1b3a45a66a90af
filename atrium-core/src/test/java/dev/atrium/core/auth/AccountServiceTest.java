package dev.atrium.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.api.LoginResponse;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.RequestFields;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccountServiceTest {
    final Fixture f = new Fixture();

    private LoginResponse guest() {
        return f.auth.login(f.app.id(), "anon-user", RequestFields.empty(), null, "203.0.113.7");
    }

    private static void assertCode(Runnable call, ErrorCode code, String text) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AuthException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(text);
        });
    }

    @Test
    void logoutWhenAnonymousThenUserIsDeleted() {
        LoginResponse r = guest();

        f.accounts.logout(r.refreshToken());

        assertThat(f.store.users().find(f.app.id(), r.userId())).isEmpty();
    }

    @Test
    void logoutWhenRepeatedThenFailedToFindRefreshToken() {
        LoginResponse r = guest();
        f.accounts.logout(r.refreshToken());

        assertCode(() -> f.accounts.logout(r.refreshToken()), ErrorCode.InvalidSession, "failed to find refresh token");
    }

    @Test
    void refreshWhenLoggedOutThenInvalidSession() {
        LoginResponse r = guest();
        f.accounts.logout(r.refreshToken());

        assertCode(() -> f.accounts.refresh(r.refreshToken()), ErrorCode.InvalidSession, "failed to find refresh token");
    }

    @Test
    void refreshWhenUserDisabledThenUserDisabledButLogoutStillWorks() {
        LoginResponse r = guest();
        f.store.users().setDisabled(f.app.id(), r.userId(), true);

        assertCode(() -> f.accounts.refresh(r.refreshToken()), ErrorCode.UserDisabled, "disabled");
        f.accounts.logout(r.refreshToken());
        assertThat(f.store.users().find(f.app.id(), r.userId())).isEmpty();
    }

    @Test
    void deleteSelfWhenRepeatedThenTheGateRefusesTheEndedSession() {
        LoginResponse r = guest();
        f.accounts.deleteSelf(f.gate.access(r.accessToken()));

        assertCode(() -> f.accounts.deleteSelf(f.gate.access(r.accessToken())), ErrorCode.InvalidSession, "session has ended");
    }

    @Test
    void deleteSelfWhenTheUserWasDeletedSinceTheGateThenInvalidSession() {
        LoginResponse r = guest();
        AccessCaller caller = f.gate.access(r.accessToken());
        f.store.users().delete(f.app.id(), r.userId(), dev.atrium.core.users.DeletionReason.ADMIN, f.now());

        assertCode(() -> f.accounts.deleteSelf(caller), ErrorCode.InvalidSession, "session has ended");
    }

    @Test
    void profileWhenGuestThenOneAnonIdentityWithProviderIdAndEmptyData() {
        LoginResponse r = guest();

        var profile = f.accounts.profile(f.gate.access(r.accessToken()));

        assertThat(profile.userId()).isEqualTo(r.userId());
        assertThat(profile.data()).isEmpty();
        assertThat(profile.identities()).singleElement().satisfies(i -> {
            assertThat(i.providerType()).isEqualTo("anon-user");
            assertThat(i.providerId()).isEqualTo(f.store.apps().providers(f.app.id()).get(0).id());
        });
    }

    @Test
    void refreshWhenAccessTokenExpiredThenNewTokenVerifies() {
        LoginResponse r = guest();
        f.advance(Duration.ofMinutes(31));

        assertCode(() -> f.gate.access(r.accessToken()), ErrorCode.InvalidSession, "expired");
        String fresh = f.accounts.refresh(r.refreshToken()).accessToken();
        assertThat(f.accounts.profile(f.gate.access(fresh)).userId()).isEqualTo(r.userId());
    }
}
