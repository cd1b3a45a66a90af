package dev.atrium.core.auth;

import dev.atrium.api.AccessTokenResponse;
import dev.atrium.api.ErrorCode;
import dev.atrium.api.ProfileResponse;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.Secrets;
import dev.atrium.core.kernel.Telemetry;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.sessions.SessionStore;
import dev.atrium.core.tokens.AccessClaims;
import dev.atrium.core.tokens.RefreshClaims;
import dev.atrium.core.tokens.TokenService;
import dev.atrium.core.users.DeletionReason;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The user-scoped routes (spec §5): profile, refresh, logout and self-delete. Every one verifies
 * its token, then checks the store, so a deleted user or a revoked session is refused even while
 * its token's signature and lifetime are still good.
 */
public final class AccountService {
    /** realm-web ignores a logout error only when its text contains this (spec §9). */
    static final String NO_REFRESH_TOKEN = "invalid session: failed to find refresh token";

    private final AppDirectory apps;
    private final UserStore users;
    private final SessionStore sessions;
    private final TokenService tokens;
    private final Activity activity;
    private final Telemetry telemetry;
    private final Clock clock;

    public AccountService(AppDirectory apps, UserStore users, SessionStore sessions, TokenService tokens,
                          Telemetry telemetry, Clock clock) {
        this.apps = apps;
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.activity = new Activity(users);
        this.telemetry = telemetry;
        this.clock = clock;
    }

    /** The profile of the access token's user; InvalidSession when the user is gone. */
    public ProfileResponse profile(String accessToken) {
        AccessClaims claims = tokens.verifyAccess(accessToken);
        User user = liveUser(claims.appId(), claims.userId());
        activity.touch(apps.requireApp(claims.appId()), user, clock.instant());
        List<ProfileResponse.IdentityView> identities = user.identities().stream()
                .map(i -> view(user.appId(), i)).toList();
        return new ProfileResponse(user.id(), user.appId(), user.type(), identities, user.profileData());
    }

    /** A new access token for the refresh token's session (no rotation, spec §5). */
    public AccessTokenResponse refresh(String refreshToken) {
        try {
            AccessTokenResponse r = doRefresh(refreshToken);
            telemetry.refresh("success");
            return r;
        } catch (AuthException e) {
            telemetry.refresh(e.code().name());
            throw e;
        }
    }

    private AccessTokenResponse doRefresh(String refreshToken) {
        Session session = liveSession(refreshToken);
        App app = apps.requireApp(session.appId());
        User user = liveUser(session.appId(), session.userId());
        Instant now = clock.instant();
        activity.touch(app, user, now);
        return new AccessTokenResponse(tokens.issueAccess(app, user, session.id(), session.deviceId(), now));
    }

    /**
     * Ends the refresh token's session. A guest is deleted with it (design §1 rule 3); a second
     * logout finds no session and gets 401 "failed to find refresh token". Works for disabled users.
     */
    public void logout(String refreshToken) {
        Session session = liveSession(refreshToken);
        User user = users.find(session.appId(), session.userId()).orElse(null);
        if (user != null && user.isAnonymous()) {
            if (users.delete(user.appId(), user.id(), DeletionReason.LOGOUT, clock.instant())) {
                telemetry.deleted(DeletionReason.LOGOUT.wire(), 1);
            }
        } else {
            sessions.revoke(session.id());
        }
    }

    /** The live session, app and user of a refresh token (the bearer of the API-key routes, spec §5). */
    public RefreshCaller refreshCaller(String refreshToken) {
        Session session = liveSession(refreshToken);
        return new RefreshCaller(apps.requireApp(session.appId()), liveUser(session.appId(), session.userId()), session);
    }

    /** Who a refresh token speaks for. */
    public record RefreshCaller(App app, User user, Session session) {}

    /** Deletes the access token's user with its identities and sessions; InvalidSession when already gone. */
    public void deleteSelf(String accessToken) {
        AccessClaims claims = tokens.verifyAccess(accessToken);
        if (!users.delete(claims.appId(), claims.userId(), DeletionReason.SELF, clock.instant())) {
            throw new AuthException(ErrorCode.InvalidSession, "invalid session: user not found");
        }
        telemetry.deleted(DeletionReason.SELF.wire(), 1);
    }

    private Session liveSession(String refreshToken) {
        RefreshClaims claims = tokens.verifyRefresh(refreshToken);
        Session session = sessions.find(claims.sessionId()).orElse(null);
        if (session == null || !session.appId().equals(claims.appId())
                || !Secrets.sameHash(session.refreshHash(), Secrets.hash(refreshToken))) {
            throw new AuthException(ErrorCode.InvalidSession, NO_REFRESH_TOKEN);
        }
        if (session.isExpired(clock.instant())) {
            throw new AuthException(ErrorCode.InvalidSession, "invalid session: refresh token expired");
        }
        return session;
    }

    private User liveUser(String appId, String userId) {
        User user = users.find(appId, userId)
                .orElseThrow(() -> new AuthException(ErrorCode.InvalidSession, "invalid session: user not found"));
        if (user.disabled()) {
            throw new AuthException(ErrorCode.UserDisabled, "user disabled");
        }
        return user;
    }

    private ProfileResponse.IdentityView view(String appId, Identity identity) {
        ProviderConfig provider = apps.providerOrNull(appId, identity.providerType());
        return new ProfileResponse.IdentityView(identity.subject(), identity.providerType(),
                provider == null ? null : provider.id(), identity.providerData());
    }
}
