package dev.atrium.core.auth;

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
import dev.atrium.core.kernel.RequestFields;
import dev.atrium.core.kernel.RetryLaterException;
import dev.atrium.core.kernel.Telemetry;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.sessions.SessionStore;
import dev.atrium.core.tokens.TokenService;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserStore;
import dev.atrium.core.users.UserType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Login and linking for every provider. A login resolves the credentials through the provider,
 * then either creates the user with its first session in one write (an identity nobody holds) or
 * opens a session for the user that holds it. Which limit a login passes and whether it may be
 * linked is the provider's {@link ProviderPolicy}: this class names no provider.
 */
public final class AuthService {
    private final AppDirectory apps;
    private final Map<String, Started<?>> providers;
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

    /** A provider with the authenticator it made for this server; keeps the credentials' type together. */
    private record Started<C>(AuthProvider<C> plugin, Authenticator<C> authenticator) {
        static <C> Started<C> start(AuthProvider<C> plugin, ProviderContext context) {
            return new Started<>(plugin, plugin.authenticator(context));
        }

        ProviderPolicy policy() {
            return plugin.policy();
        }

        /** Reads the credentials, then authenticates them. */
        Resolution resolve(App app, ProviderConfig config, RequestFields body, Instant now) {
            return authenticator.authenticate(app, config, plugin.credentials(body), now);
        }
    }

    /** Makes every installed provider's authenticator from {@code context}, once. */
    public AuthService(AppDirectory apps, ProviderRegistry registry, ProviderContext context, UserStore users,
                       SessionStore sessions, SignupStore signups, LinkStore links, TokenService tokens,
                       GuestLimits guestLimits, Throttle throttle, Telemetry telemetry, Clock clock) {
        this.apps = apps;
        Map<String, Started<?>> started = new java.util.LinkedHashMap<>();
        registry.all().forEach(p -> started.put(p.type(), Started.start(p, context)));
        this.providers = Map.copyOf(started);
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
     * new one; {@code clientKey} names the caller's network for the limit the provider's policy
     * names (guest admission or the per-network login throttle). Returns the four fields the SDKs require.
     */
    public LoginResponse login(String appId, String type, RequestFields credentials, String deviceId, String clientKey) {
        try {
            LoginResponse r = doLogin(appId, type, credentials, deviceId, clientKey);
            telemetry.login(type, "success");
            return r;
        } catch (AuthException e) {
            telemetry.login(type, e.code().name());
            throw e;
        }
    }

    private LoginResponse doLogin(String appId, String type, RequestFields credentials, String deviceId, String clientKey) {
        App app = apps.requireApp(appId);
        ProviderConfig config = apps.requireEnabledProvider(appId, type);
        Started<?> provider = provider(config);
        Instant now = clock.instant();
        GuestClaim claim = switch (provider.policy().admission()) {
            case GUEST_LIMITS -> GuestClaim.of(app, clientKey, now); // settled by the sign-up's write: see GuestLimits
            case NETWORK_THROTTLE -> {
                throttle.login(app, type, clientKey);
                yield null;
            }
        };
        String device = deviceId != null ? deviceId : ObjectIds.next(now);
        Resolution resolution = provider.resolve(app, config, credentials, now);
        if (resolution.holderId() != null) {
            return openSession(app, resolution.holderId(), device, now);
        }
        try {
            return signUp(app, resolution, device, now, claim);
        } catch (IdentityTakenException raced) {
            // Another first login with the same credentials won the insert: log in as its user. Looked
            // up, not authenticated again: credentials may be good once only (an ID token's nonce, a
            // custom function's answer), and they were checked already.
            String holder = users.findByIdentity(app.id(), resolution.identity().providerType(),
                    resolution.identity().subject()).map(User::id)
                    .orElseThrow(() -> new AuthException(ErrorCode.InternalServerError, "identity taken but not found"));
            return openSession(app, holder, device, now);
        }
    }

    /**
     * Links the credentials of provider {@code type} to the caller's user; the caller's session was
     * checked at the {@link SessionGate}. A provider whose policy refuses linking is refused before
     * any credential is read. Every refusal is
     * {@code LinkRefused} (409) and changes nothing: never 401 "unauthorized", on which realm-web
     * retries forever (github.com/realm/realm-js/issues/6586). Throttles answer as for a login (TooManyRequests,
     * ServerBusy): checking linked credentials is a guess all the same.
     */
    public LoginResponse link(String appId, String type, RequestFields credentials, AccessCaller caller, String clientKey) {
        if (!caller.app().id().equals(appId)) {
            throw new AuthException(ErrorCode.InvalidSession, "invalid session: the token belongs to another app");
        }
        App app = caller.app();
        ProviderConfig config = apps.requireEnabledProvider(appId, type);
        Started<?> installed = providers.get(config.type());
        if (installed != null && !installed.policy().linking().allowed()) {
            throw refused(installed.policy().linking().refusal());
        }
        User user = caller.user();
        throttle.login(app, type, clientKey);
        Instant now = clock.instant();
        Resolution resolution;
        try {
            resolution = provider(config).resolve(app, config, credentials, now);
        } catch (RetryLaterException e) {
            throw e;
        } catch (AuthException e) {
            throw new AuthException(ErrorCode.LinkRefused,
                    "link refused: " + (e.code() == ErrorCode.InvalidPassword ? "invalid username/password" : e.getMessage()),
                    e.detail());
        }
        attach(user, resolution);
        return linked(caller, type, now);
    }

    /**
     * Links {@code identity}, which a provider proved through ceremonies of its own routes (a
     * passkey registration, docs/providers/passkey.md), to the caller's user: {@link #link}'s
     * refusals (409 LinkRefused, nothing changed) and answer, for credentials no login body carries.
     */
    public LoginResponse linkProven(AccessCaller caller, Identity identity) {
        attach(caller.user(), Resolution.fresh(identity));
        return linked(caller, identity.providerType(), clock.instant());
    }

    /** A link's answer: a fresh access token for the caller's session, saying what the user is now. */
    private LoginResponse linked(AccessCaller caller, String type, Instant now) {
        telemetry.linked(type);
        User linked = SessionGate.liveUser(users, caller.app().id(), caller.user().id());
        String access = tokens.issueAccess(caller.app(), linked, caller.sessionId(), caller.deviceId(), now);
        return new LoginResponse(access, null, linked.id(), caller.deviceId());
    }

    private void attach(User user, Resolution resolution) {
        String type = resolution.identity().providerType();
        if (resolution.holderId() != null && !resolution.holderId().equals(user.id())) {
            throw new IdentityHeldException(resolution.holderId(), type);
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

    private Started<?> provider(ProviderConfig config) {
        Started<?> provider = providers.get(config.type());
        if (provider == null) {
            throw new AuthException(ErrorCode.AuthProviderNotFound, "authentication via '" + config.type() + "' is unsupported");
        }
        return provider;
    }

    /** Creates the user of {@code fresh} with its first session; under guest limits ({@code claim} not null) if admitted. */
    private LoginResponse signUp(App app, Resolution fresh, String device, Instant now, GuestClaim claim) {
        User user = new User(userId(fresh.identity(), now), app.id(), UserType.NORMAL, false, now, now, Map.of(),
                List.of(fresh.identity()));
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

    /**
     * A new user's id: a guest's is its anon-user identity's subject (itself a new ObjectId, so as
     * unique), which lets the SQL stores leave that identity implied by the user row until the guest
     * links another (docs/stores.md, "Guests' identity"); any other user gets a new ObjectId.
     */
    private static String userId(Identity first, Instant now) {
        return first.providerType().equals(User.ANON_PROVIDER) ? first.subject() : ObjectIds.next(now);
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
