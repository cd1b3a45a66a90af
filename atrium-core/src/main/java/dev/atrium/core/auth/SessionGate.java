package dev.atrium.core.auth;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.Secrets;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.sessions.SessionStore;
import dev.atrium.core.sessions.SessionWithUser;
import dev.atrium.core.tokens.AccessClaims;
import dev.atrium.core.tokens.RefreshClaims;
import dev.atrium.core.tokens.TokenService;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserStore;
import java.time.Clock;

/**
 * The one place a client token becomes a caller: every route that takes an access or
 * a refresh token goes through here, and nothing else verifies one (ArchitectureTest). A token's
 * signature and lifetime are not enough: its session must still exist, so a logout, an admin
 * revoke, a password reset or a deletion ends the tokens issued for it at once on Atrium's own
 * routes, and its user must not be disabled.
 */
public final class SessionGate {
    /** realm-web ignores a logout error only when its text contains this. */
    static final String NO_REFRESH_TOKEN = "invalid session: failed to find refresh token";
    /** What an access token of a logged-out, revoked, reset or deleted session gets. */
    static final String SESSION_ENDED = "invalid session: the session has ended";

    private final AppDirectory apps;
    private final UserStore users;
    private final SessionStore sessions;
    private final TokenService tokens;
    private final Clock clock;

    public SessionGate(AppDirectory apps, UserStore users, SessionStore sessions, TokenService tokens, Clock clock) {
        this.apps = apps;
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * The caller of an access token: its signature and lifetime, then its session ({@code sid})
     * and user in one store read. InvalidSession (401) when the session has ended, so realm-web
     * refreshes, is refused too and logs the user out; UserDisabled (401) for a disabled user.
     */
    public AccessCaller access(String accessToken) {
        AccessClaims claims = tokens.verifyAccess(accessToken);
        if (claims.sessionId() == null) {
            throw new AuthException(ErrorCode.InvalidSession, "invalid session: access token has no session");
        }
        User user = users.findInSession(claims.appId(), claims.userId(), claims.sessionId(), clock.instant())
                .orElseThrow(() -> new AuthException(ErrorCode.InvalidSession, SESSION_ENDED));
        return new AccessCaller(apps.requireApp(claims.appId()), enabled(user), claims.sessionId(), claims.deviceId());
    }

    /**
     * The caller whose access token started a web sign-in that links, when the browser comes back
     * from the provider without that token: the same session and user checks as {@link #access},
     * on the session, user and device the token named when the sign-in started (kept server-side
     * since, for minutes at most).
     */
    public AccessCaller resume(String appId, String userId, String sessionId, String deviceId) {
        User user = users.findInSession(appId, userId, sessionId, clock.instant())
                .orElseThrow(() -> new AuthException(ErrorCode.InvalidSession, SESSION_ENDED));
        return new AccessCaller(apps.requireApp(appId), enabled(user), sessionId, deviceId);
    }

    /** The caller of a refresh token: its live session, app and enabled user. */
    public RefreshCaller refresh(String refreshToken) {
        RefreshClaims claims = tokens.verifyRefresh(refreshToken);
        // The session and its user in one read: refresh is the busiest route after login, and on
        // PostgreSQL each round trip costs the server and the database CPU of their own
        // (docs/performance.md). A session always has its user (deleting a user deletes them).
        SessionWithUser found = sessions.findWithUser(claims.userId(), claims.sessionId()).orElse(null);
        Session session = live(refreshToken, claims, found == null ? null : found.session());
        return new RefreshCaller(apps.requireApp(session.appId()), enabled(found.user()), session);
    }

    /** The user as stored now; InvalidSession (401) when it was deleted since its token was issued. */
    static User liveUser(UserStore users, String appId, String userId) {
        return users.find(appId, userId)
                .orElseThrow(() -> new AuthException(ErrorCode.InvalidSession, "invalid session: user not found"));
    }

    /** The live session of a refresh token, whatever its user's state (logout works for disabled users). */
    Session session(String refreshToken) {
        RefreshClaims claims = tokens.verifyRefresh(refreshToken);
        return live(refreshToken, claims, sessions.find(claims.userId(), claims.sessionId()).orElse(null));
    }

    private Session live(String refreshToken, RefreshClaims claims, Session session) {
        if (session == null || !session.appId().equals(claims.appId())
                || !Secrets.sameHash(session.refreshHash(), Secrets.hash(refreshToken))) {
            throw new AuthException(ErrorCode.InvalidSession, NO_REFRESH_TOKEN);
        }
        if (session.isExpired(clock.instant())) {
            throw new AuthException(ErrorCode.InvalidSession, "invalid session: refresh token expired");
        }
        return session;
    }

    private static User enabled(User user) {
        if (user.disabled()) {
            throw new AuthException(ErrorCode.UserDisabled, "user disabled");
        }
        return user;
    }
}
