package dev.atrium.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.api.LoginResponse;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.RequestFields;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserType;
import org.junit.jupiter.api.Test;

class AuthServiceTest {
    final Fixture f = new Fixture();

    private LoginResponse guest() {
        return f.auth.login(f.app.id(), "anon-user", RequestFields.empty(), null, "203.0.113.7");
    }

    @Test
    void loginWhenAnonymousThenNewUserWithExactlyOneAnonIdentityAndASession() {
        LoginResponse r = guest();

        User user = f.store.users().find(f.app.id(), r.userId()).orElseThrow();
        assertThat(user.isAnonymous()).isTrue();
        assertThat(user.identities()).singleElement().extracting(i -> i.providerType()).isEqualTo("anon-user");
        assertThat(user.customData()).isEmpty();
        assertThat(user.type()).isEqualTo(UserType.NORMAL);
        assertThat(f.tokens.verifyRefresh(r.refreshToken()).userId()).isEqualTo(r.userId());
    }

    @Test
    void loginWhenAnonymousTwiceThenTwoDistinctUsers() {
        assertThat(guest().userId()).isNotEqualTo(guest().userId());
    }

    @Test
    void loginWhenDeviceIdGivenThenItIsKept() {
        LoginResponse r = f.auth.login(f.app.id(), "anon-user", RequestFields.empty(), "65f0c0ffee0123456789abce", "203.0.113.7");

        assertThat(r.deviceId()).isEqualTo("65f0c0ffee0123456789abce");
        assertThat(f.tokens.verifyAccess(r.accessToken()).deviceId()).isEqualTo("65f0c0ffee0123456789abce");
    }

    @Test
    void loginWhenProviderDisabledThenAuthProviderNotFoundAndNothingCreated() {
        var anon = f.store.apps().providers(f.app.id()).get(0);
        f.store.apps().saveProvider(anon.withEnabled(false));

        assertThatThrownBy(this::guest).isInstanceOfSatisfying(AuthException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.AuthProviderNotFound));
    }

    @Test
    void loginWhenAppUnknownThenAppNotFound() {
        assertThatThrownBy(() -> f.auth.login("nope", "anon-user", RequestFields.empty(), null, "203.0.113.7"))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AppNotFound));
    }

    @Test
    void linkWhenCredentialsAreAnonymousThenLinkRefusedWithoutUnauthorizedText() {
        LoginResponse r = guest();

        assertThatThrownBy(() -> f.auth.link(f.app.id(), "anon-user", RequestFields.empty(),
                f.gate.access(r.accessToken()), "203.0.113.7"))
                .isInstanceOfSatisfying(AuthException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.LinkRefused);
                    assertThat(e.getMessage()).doesNotContain("unauthorized");
                });
    }

    @Test
    void linkProvenAttachesTheIdentityAsALinkAndRefusesWhatALinkRefuses() {
        LoginResponse first = guest();
        LoginResponse second = guest();
        Identity proven = new Identity("passkey", first.userId(), java.util.Map.of(), f.clock.instant());

        LoginResponse linked = f.auth.linkProven(f.gate.access(first.accessToken()), proven);

        assertThat(linked.userId()).isEqualTo(first.userId());
        assertThat(linked.refreshToken()).isNull();
        assertThat(f.store.users().find(f.app.id(), first.userId()).orElseThrow().isAnonymous()).isFalse();
        assertThatThrownBy(() -> f.auth.linkProven(f.gate.access(linked.accessToken()),
                new Identity("passkey", "another", java.util.Map.of(), f.clock.instant())))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("link refused: the user already has a passkey identity"));
        assertThatThrownBy(() -> f.auth.linkProven(f.gate.access(second.accessToken()), proven))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("link refused: this passkey identity already belongs to another user"));
        assertThat(f.store.users().find(f.app.id(), second.userId()).orElseThrow().isAnonymous()).isTrue();
    }
}
