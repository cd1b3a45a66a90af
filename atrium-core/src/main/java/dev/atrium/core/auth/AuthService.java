package dev.atrium.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.api.ErrorCode;
import dev.atrium.api.LoginResponse;
import dev.atrium.core.admission.GuestClaim;
import dev.atrium.core.admission.GuestLimitExceededException;
import dev.atrium.core.admission.Throttle;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.kernel.RetryLaterException;
import dev.atrium.core.kernel.Telemetry;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.sessions.SessionStore;
import dev.atrium.core.tokens.TokenService;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Login and linking for every provider (spec §4, design §1 rules 1, 6, 7, 10). A login resolves
 * the credentials through the provider, then either creates the user with its first session in one
 * write (an identity nobody holds) or opens a session for the user that holds it.
 */
public final class AuthService {
    private final AppDirectory apps;
    private final Map<String, AuthProvider> providers;
    private final UserStore users;
    private final SessionStore sessions;
    private final SignupStore signups;
    private final LinkStore links;
    private final TokenService tokens;
    private final GuestLimits guestLimits;
    private final Throttle throttle;
    private final Activity activity;
    private final Telemetry telemetry;
    private final Clock clock;

    public AuthService(AppDirectory apps, List<AuthProvider> providers, UserStore users, SessionStore sessions,
                       SignupStore signups, LinkStore links, TokenService tokens, GuestLimits guestLimits,
                       Throttle throttle, Telemetry telemetry, Clock clock) {
        this.apps = apps;
        this.providers = providers.stream().collect(Collectors.toUnmodifiableMap(AuthProvider::type, p -> p));
        this.users = users;
        this.sessions = sessions;
        this.signups = signups;
        this.links = links;
        this.tokens = tokens;
        this.guestLimits = guestLimits;
        this.throttle = throttle;
        this.activity = new Activity(users);
        this.telemetry = telemetry;
        this.clock = clock;
    }

    /**
     * Logs in with provider {@code type}. {@code deviceId} is the client's device id or null for a
     * new one; {@code clientKey} names the caller's network for the guest admission limit and, for
     * every other provider, its per-network throttle. Returns the four fields the SDKs require.
     */
    public LoginResponse login(String appId, String type, JsonNode credentials, String deviceId, String clientKey) {
        try {
            LoginResponse r = doLogin(appId, type, credentials, deviceId, clientKey);
            telemetry.login(type, "success");
            return r;
        } catch (AuthException e) {
            telemetry.login(type, e.code().name());
            throw e;
        }
    }

    private LoginResponse doLogin(String appId, String type, JsonNode credentials, String deviceId, String clientKey) {
        App app = apps.requireApp(appId);
        ProviderConfig config = apps.requireEnabledProvider(appId, type);
        AuthProvider provider = provider(config);
        boolean guest = type.equals(User.ANON_PROVIDER);
        if (!guest) {
            throttle.login(app, type, clientKey);
        }
        Instant now = clock.instant();
        String device = deviceId != null ? deviceId : ObjectIds.next(now);
        Resolution resolution = provider.authenticate(app, config, credentials, now);
        if (guest) { // admitted (or not) by the sign-up's write itself: see GuestLimits
            return signUp(app, resolution, device, now, GuestClaim.of(app, clientKey, now));
        }
        if (resolution.holderId() != null) {
            return openSession(app, resolution.holderId(), device, now);
        }
        try {
            return signUp(app, resolution, device, now, null);
        } catch (IdentityTakenException raced) {
            // Another first login with the same credentials won the insert: log in as its user.
            Resolution again = provider.authenticate(app, config, credentials, now);
            if (again.holderId() == null) {
                throw new AuthException(ErrorCode.InternalServerError, "identity taken but not found");
            }
            return openSession(app, again.holderId(), device, now);
        }
    }

    /**
     * Links the credentials of provider {@code type} to the caller's user (design §1 rule 6, spec
     * §4); the caller's session was checked at the {@link SessionGate}. Every refusal is
     * {@code LinkRefused} (409) and changes nothing: never 401 "unauthorized", on which realm-web
     * retries forever (realm-js issue 6586). Throttles answer as for a login (TooManyRequests,
     * ServerBusy): checking linked credentials is a guess all the same.
     */
    public LoginResponse link(String appId, String type, JsonNode credentials, AccessCaller caller, String clientKey) {
        if (!caller.app().id().equals(appId)) {
            throw new AuthException(ErrorCode.InvalidSession, "invalid session: the token belongs to another app");
        }
        App app = caller.app();
        ProviderConfig config = apps.requireEnabledProvider(appId, type);
        if (type.equals(User.ANON_PROVIDER)) {
            throw refused("cannot add anonymous credentials to an existing user");
        }
        User user = caller.user();
        throttle.login(app, type, clientKey);
        Instant now = clock.instant();
        Resolution resolution;
        try {
            resolution = provider(config).authenticate(app, config, credentials, now);
        } catch (RetryLaterException e) {
            throw e;
        } catch (AuthException e) {
            throw new AuthException(ErrorCode.LinkRefused,
                    "link refused: " + (e.code() == ErrorCode.InvalidPassword ? "invalid username/password" : e.getMessage()),
                    e.detail());
        }
        attach(user, resolution);
        telemetry.linked(type);
        User linked = users.find(appId, user.id())
                .orElseThrow(() -> new AuthException(ErrorCode.InvalidSession, "invalid session: user not found"));
        String access = tokens.issueAccess(app, linked, caller.sessionId(), caller.deviceId(), now);
        return new LoginResponse(access, null, linked.id(), caller.deviceId());
    }

    private void attach(User user, Resolution resolution) {
        String type = resolution.identity().providerType();
        if (resolution.holderId() != null && !resolution.holderId().equals(user.id())) {
            throw refused("this " + type + " identity already belongs to another user");
        }
        boolean alreadyHas = user.identities().stream().anyMatch(i -> i.providerType().equals(type));
        if (alreadyHas) {
            throw refused("the user already has a " + type + " identity");
        }
        try {
            if (!links.addIdentity(user.appId(), user.id(), resolution.identity())) {
                throw new AuthException(ErrorCode.InvalidSession, "invalid session: user not found");
            }
        } catch (IdentityTakenException e) {
            throw refused("this " + type + " identity already belongs to another user");
        } catch (ProviderAlreadyLinkedException e) {
            throw refused("the user already has a " + type + " identity");
        }
    }

    private AuthProvider provider(ProviderConfig config) {
        AuthProvider provider = providers.get(config.type());
        if (provider == null) {
            throw new AuthException(ErrorCode.AuthProviderNotFound, "authentication via '" + config.type() + "' is unsupported");
        }
        return provider;
    }

    /** Creates the user of {@code fresh} with its first session; a guest's ({@code claim} not null) if admitted. */
    private LoginResponse signUp(App app, Resolution fresh, String device, Instant now, GuestClaim claim) {
        User user = new User(ObjectIds.next(now), app.id(), "normal", false, now, now, Map.of(), List.of(fresh.identity()));
        String sessionId = ObjectIds.next(now);
        TokenService.IssuedRefresh refresh = tokens.issueRefresh(app, user.id(), sessionId, now);
        Session session = new Session(sessionId, app.id(), user.id(), device, refresh.hash(), now, refresh.expiresAt());
        if (claim == null) {
            signups.createUserWithSession(user, session);
        } else {
            try {
                guestLimits.signUp(signups, user, session, claim);
            } catch (GuestLimitExceededException e) {
                telemetry.rateLimited(e.scope().label());
                throw e;
            }
        }
        if (user.isAnonymous()) {
            telemetry.guestCreated();
        }
        return new LoginResponse(tokens.issueAccess(app, user, sessionId, device, now), refresh.token(), user.id(), device);
    }

    private LoginResponse openSession(App app, String userId, String device, Instant now) {
        User user = users.find(app.id(), userId)
                .orElseThrow(() -> new AuthException(ErrorCode.InvalidPassword, "unauthorized"));
        if (user.disabled()) {
            throw new AuthException(ErrorCode.UserDisabled, "user disabled");
        }
        String sessionId = ObjectIds.next(now);
        TokenService.IssuedRefresh refresh = tokens.issueRefresh(app, user.id(), sessionId, now);
        sessions.insert(new Session(sessionId, app.id(), user.id(), device, refresh.hash(), now, refresh.expiresAt()));
        activity.touch(app, user, now);
        return new LoginResponse(tokens.issueAccess(app, user, sessionId, device, now), refresh.token(), user.id(), device);
    }

    private static AuthException refused(String why) {
        return new AuthException(ErrorCode.LinkRefused, "link refused: " + why);
    }
}
