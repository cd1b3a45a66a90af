package dev.atrium.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.atrium.api.ErrorCode;
import dev.atrium.api.LoginResponse;
import dev.atrium.core.kernel.AuthException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccountServiceTest {
    final Fixture f = new Fixture();

    private LoginResponse guest() {
        return f.auth.login(f.app.id(), "anon-user", JsonNodeFactory.instance.objectNode(), null, "203.0.113.7");
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
    void deleteSelfWhenRepeatedThenInvalidSession() {
        LoginResponse r = guest();
        f.accounts.deleteSelf(r.accessToken());

        assertCode(() -> f.accounts.deleteSelf(r.accessToken()), ErrorCode.InvalidSession, "user not found");
    }

    @Test
    void profileWhenGuestThenOneAnonIdentityWithProviderIdAndEmptyData() {
        LoginResponse r = guest();

        var profile = f.accounts.profile(r.accessToken());

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

        assertCode(() -> f.accounts.profile(r.accessToken()), ErrorCode.InvalidSession, "expired");
        String fresh = f.accounts.refresh(r.refreshToken()).accessToken();
        assertThat(f.accounts.profile(fresh).userId()).isEqualTo(r.userId());
    }
}
