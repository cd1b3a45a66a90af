package dev.atrium.core.auth;

import dev.atrium.api.AccessTokenResponse;
import dev.atrium.api.ErrorCode;
import dev.atrium.api.ProfileResponse;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.Telemetry;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.sessions.SessionStore;
import dev.atrium.core.tokens.TokenService;
import dev.atrium.core.users.DeletionReason;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The user-scoped routes (docs/client-api.md, User and session routes): profile, refresh, logout and self-delete. Their tokens become
 * callers at the {@link SessionGate}, so a deleted user, a disabled user or an ended session is
 * refused even while the token's signature and lifetime are still good.
 */
public final class AccountService {
    private final AppDirectory apps;
    private final ProviderRegistry providers;
    private final UserStore users;
    private final SessionStore sessions;
    private final SessionGate gate;
    private final TokenService tokens;
    private final Activity activity;
    private final Telemetry telemetry;
    private final Clock clock;

    public AccountService(AppDirectory apps, ProviderRegistry providers, UserStore users, SessionStore sessions,
                          SessionGate gate, TokenService tokens, Telemetry telemetry, Clock clock) {
        this.apps = apps;
        this.providers = providers;
        this.users = users;
        this.sessions = sessions;
        this.gate = gate;
        this.tokens = tokens;
        this.activity = new Activity(users);
        this.telemetry = telemetry;
        this.clock = clock;
    }

    /** The profile of the caller's user, as the gate read it with the session check. */
    public ProfileResponse profile(AccessCaller caller) {
        User user = caller.user();
        activity.touch(caller.app(), user, clock.instant());
        List<ProfileResponse.IdentityView> identities = user.identities().stream()
                .map(i -> view(user.appId(), i)).toList();
        return new ProfileResponse(user.id(), user.appId(), user.type().wire(), identities, user.profileData());
    }

    /** A new access token for the refresh token's session (no rotation, docs/client-api.md, User and session routes). */
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
        RefreshCaller caller = gate.refresh(refreshToken);
        Session session = caller.session();
        Instant now = clock.instant();
        activity.touch(caller.app(), caller.user(), now);
        return new AccessTokenResponse(tokens.issueAccess(caller.app(), caller.user(), session.id(), session.deviceId(), now));
    }

    /**
     * Ends the refresh token's session. A user whose providers all say so ({@link
     * ProviderPolicy.Logout#DELETES_USER}: a guest) is deleted with it; a second logout finds no
     * session and gets 401 "failed to find refresh token". Works for disabled users.
     */
    public void logout(String refreshToken) {
        Session session = gate.session(refreshToken);
        User user = users.find(session.appId(), session.userId()).orElse(null);
        if (user != null && providers.logoutDeletes(user)) {
            if (users.delete(user.appId(), user.id(), DeletionReason.LOGOUT, clock.instant())) {
                telemetry.deleted(DeletionReason.LOGOUT.wire(), 1);
            }
        } else {
            sessions.revoke(session.userId(), session.id());
        }
    }

    /**
     * Deletes the caller's user with its identities, sessions and credentials; InvalidSession when
     * it was deleted since the gate read it. A disabled user never gets here (the gate refuses it).
     */
    public void deleteSelf(AccessCaller caller) {
        if (!users.delete(caller.app().id(), caller.user().id(), DeletionReason.SELF, clock.instant())) {
            throw new AuthException(ErrorCode.InvalidSession, SessionGate.SESSION_ENDED);
        }
        telemetry.deleted(DeletionReason.SELF.wire(), 1);
    }

    private ProfileResponse.IdentityView view(String appId, Identity identity) {
        ProviderConfig provider = apps.providerOrNull(appId, identity.providerType());
        return new ProfileResponse.IdentityView(identity.subject(), identity.providerType(),
                provider == null ? null : provider.id(), identity.providerData());
    }
}
