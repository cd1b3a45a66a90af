package dev.atrium.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.api.LoginResponse;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.kernel.RequestFields;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.users.DeletionReason;
import dev.atrium.core.users.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An access token is honoured only while its session lives and its user is enabled. */
class SessionGateTest {
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

    private String sessionOf(LoginResponse r) {
        return f.tokens.verifyRefresh(r.refreshToken()).sessionId();
    }

    @Test
    void accessWhenSessionLivesThenCallerCarriesAppUserSessionAndDevice() {
        LoginResponse r = guest();

        AccessCaller caller = f.gate.access(r.accessToken());

        assertThat(caller.app().id()).isEqualTo(f.app.id());
        assertThat(caller.user()).isEqualTo(f.store.users().find(f.app.id(), r.userId()).orElseThrow());
        assertThat(caller.sessionId()).isEqualTo(sessionOf(r));
        assertThat(caller.deviceId()).isEqualTo(r.deviceId());
    }

    @Test
    void accessWhenItsSessionWasRevokedThenInvalidSession() {
        LoginResponse r = guest();
        f.store.sessions().revoke(r.userId(), sessionOf(r));

        assertCode(() -> f.gate.access(r.accessToken()), ErrorCode.InvalidSession, "session has ended");
    }

    @Test
    void accessWhenAnotherSessionOfTheUserWasRevokedThenStillHonoured() {
        LoginResponse r = guest();
        String other = ObjectIds.next(f.now());
        f.store.sessions().insert(new Session(other, f.app.id(), r.userId(), r.deviceId(), "h", f.now(), f.now().plus(Duration.ofDays(1))));
        f.store.sessions().revoke(r.userId(), other);

        assertThat(f.gate.access(r.accessToken()).user().id()).isEqualTo(r.userId());
    }

    @Test
    void accessWhenItsSessionExpiredBeforeTheTokenThenInvalidSession() {
        LoginResponse r = guest();
        User user = f.store.users().find(f.app.id(), r.userId()).orElseThrow();
        String shortLived = ObjectIds.next(f.now());
        f.store.sessions().insert(new Session(shortLived, f.app.id(), r.userId(), r.deviceId(), "h", f.now(), f.now().plusSeconds(60)));
        String token = f.tokens.issueAccess(f.app, user, shortLived, r.deviceId(), f.now());
        f.advance(Duration.ofSeconds(60));

        assertCode(() -> f.gate.access(token), ErrorCode.InvalidSession, "session has ended");
    }

    @Test
    void accessWhenUserDeletedThenInvalidSession() {
        LoginResponse r = guest();
        f.store.users().delete(f.app.id(), r.userId(), DeletionReason.ADMIN, f.now());

        assertCode(() -> f.gate.access(r.accessToken()), ErrorCode.InvalidSession, "session has ended");
    }

    @Test
    void accessWhenUserDisabledThenUserDisabled() {
        LoginResponse r = guest();
        f.store.users().setDisabled(f.app.id(), r.userId(), true);

        assertCode(() -> f.gate.access(r.accessToken()), ErrorCode.UserDisabled, "disabled");
    }

    @Test
    void accessWithTheSessionIdOfAnotherUserThenInvalidSession() {
        LoginResponse victim = guest();
        LoginResponse other = guest();
        User otherUser = f.store.users().find(f.app.id(), other.userId()).orElseThrow();
        String token = f.tokens.issueAccess(f.app, otherUser, sessionOf(victim), other.deviceId(), f.now());

        assertCode(() -> f.gate.access(token), ErrorCode.InvalidSession, "session has ended");
    }

    @Test
    void refreshWhenUserDisabledThenUserDisabled() {
        LoginResponse r = guest();
        f.store.users().setDisabled(f.app.id(), r.userId(), true);

        assertCode(() -> f.gate.refresh(r.refreshToken()), ErrorCode.UserDisabled, "disabled");
    }

    @Test
    void refreshWhenSessionRevokedThenFailedToFindRefreshToken() {
        LoginResponse r = guest();
        f.store.sessions().revokeAll(f.app.id(), r.userId());

        assertCode(() -> f.gate.refresh(r.refreshToken()), ErrorCode.InvalidSession, "failed to find refresh token");
    }

    @Test
    void accessWithARefreshTokenOrRefreshWithAnAccessTokenThenInvalidSession() {
        LoginResponse r = guest();

        assertCode(() -> f.gate.access(r.refreshToken()), ErrorCode.InvalidSession, "access token");
        assertCode(() -> f.gate.refresh(r.accessToken()), ErrorCode.InvalidSession, "refresh token");
    }
}
