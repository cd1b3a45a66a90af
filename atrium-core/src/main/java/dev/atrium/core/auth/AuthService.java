package dev.atrium.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.api.ErrorCode;
import dev.atrium.api.LoginResponse;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.sessions.SessionStore;
import dev.atrium.core.tokens.TokenService;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Login and linking for every provider (spec §4, design §1 rules 1, 6, 7, 10). A login resolves
 * the credentials through the provider, then either creates the user with its first session in one
 * write (a new identity) or opens a session for the user that holds the identity.
 */
public final class AuthService {
    private final AppDirectory apps;
    private final Map<String, AuthProvider> providers;
    private final UserStore users;
    private final SessionStore sessions;
    private final SignupStore signups;
    private final TokenService tokens;
    private final Activity activity;
    private final Clock clock;

    public AuthService(AppDirectory apps, List<AuthProvider> providers, UserStore users, SessionStore sessions,
                       SignupStore signups, TokenService tokens, Clock clock) {
        this.apps = apps;
        this.providers = Map.copyOf(providers.stream()
                .collect(java.util.stream.Collectors.toMap(AuthProvider::type, p -> p)));
        this.users = users;
        this.sessions = sessions;
        this.signups = signups;
        this.tokens = tokens;
        this.activity = new Activity(users);
        this.clock = clock;
    }

    /**
     * Logs in with provider {@code type}. {@code deviceId} is the client's device id or null for a
     * new one. Returns the four fields the SDKs require.
     */
    public LoginResponse login(String appId, String type, JsonNode credentials, String deviceId) {
        App app = apps.requireApp(appId);
        AuthProvider provider = enabledProvider(appId, type);
        Instant now = clock.instant();
        Resolution resolution = provider.authenticate(app, apps.requireEnabledProvider(appId, type), credentials, now);
        String device = deviceId != null ? deviceId : ObjectIds.next(now);
        return switch (resolution) {
            case Resolution.Fresh fresh -> signUp(app, fresh, device, now);
            case Resolution.Existing existing -> openSession(app, existing.userId(), device, now);
        };
    }

    /**
     * Links the credentials of provider {@code type} to the user of {@code accessToken} (design §1
     * rule 6). Anonymous credentials are refused: a guest identity cannot be added to a user.
     */
    public LoginResponse link(String appId, String type, JsonNode credentials, String accessToken) {
        apps.requireApp(appId);
        enabledProvider(appId, type);
        if (type.equals(User.ANON_PROVIDER)) {
            throw new AuthException(ErrorCode.LinkRefused, "cannot add anonymous credentials to an existing user");
        }
        throw new AuthException(ErrorCode.AuthProviderNotFound, "linking via '" + type + "' is unsupported");
    }

    private AuthProvider enabledProvider(String appId, String type) {
        ProviderConfig config = apps.requireEnabledProvider(appId, type);
        AuthProvider provider = providers.get(config.type());
        if (provider == null) {
            throw new AuthException(ErrorCode.AuthProviderNotFound, "authentication via '" + type + "' is unsupported");
        }
        return provider;
    }

    private LoginResponse signUp(App app, Resolution.Fresh fresh, String device, Instant now) {
        User user = new User(ObjectIds.next(now), app.id(), "normal", false, now, now, Map.of(), List.of(fresh.identity()));
        String sessionId = ObjectIds.next(now);
        TokenService.IssuedRefresh refresh = tokens.issueRefresh(app, user.id(), sessionId, now);
        Session session = new Session(sessionId, app.id(), user.id(), device, refresh.hash(), now, refresh.expiresAt());
        try {
            signups.createUserWithSession(user, session);
        } catch (IdentityTakenException e) {
            throw new AuthException(ErrorCode.AccountNameInUse, "identity already in use");
        }
        return new LoginResponse(tokens.issueAccess(app, user, sessionId, device, now), refresh.token(), user.id(), device);
    }

    private LoginResponse openSession(App app, String userId, String device, Instant now) {
        User user = users.find(app.id(), userId)
                .orElseThrow(() -> new AuthException(ErrorCode.UserNotFound, "user not found"));
        if (user.disabled()) {
            throw new AuthException(ErrorCode.UserDisabled, "user disabled");
        }
        String sessionId = ObjectIds.next(now);
        TokenService.IssuedRefresh refresh = tokens.issueRefresh(app, user.id(), sessionId, now);
        sessions.insert(new Session(sessionId, app.id(), user.id(), device, refresh.hash(), now, refresh.expiresAt()));
        activity.touch(app, user, now);
        return new LoginResponse(tokens.issueAccess(app, user, sessionId, device, now), refresh.token(), user.id(), device);
    }
}
