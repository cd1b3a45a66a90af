package dev.atrium.core.redirect;

import dev.atrium.api.ErrorCode;
import dev.atrium.api.LoginResponse;
import dev.atrium.core.admission.Throttle;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.auth.AccessCaller;
import dev.atrium.core.auth.AuthService;
import dev.atrium.core.auth.ProviderContext;
import dev.atrium.core.auth.ProviderRegistry;
import dev.atrium.core.auth.SessionGate;
import dev.atrium.core.auth.WebSignIn;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.RequestFields;
import dev.atrium.core.kernel.RetryLaterException;
import dev.atrium.core.kernel.Secrets;
import dev.atrium.core.redirect.RedirectState.LinkTarget;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The web redirect flow of realm-web ({@code Credentials.google({redirectUrl})} and kin): {@link #start}
 * sends the browser to the provider with a one-time state kept in the {@link RedirectStateStore};
 * {@link #finish} takes that state back when the provider returns the browser to Atrium's callback,
 * has the provider's {@link WebSignIn} exchange the code for the credentials of its token flow, and
 * logs in or links through {@link AuthService} exactly as a client sending those credentials would.
 * Where the browser goes then (the app's page, with tokens or an error) is the {@link SignInOutcome}.
 */
public final class RedirectLogin {
    /** How long a person has at the provider's sign-in page; providers' codes live about as long. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    /** Expired states deleted by each start, so the table stays as small as the starts of one lifetime. */
    static final int PURGE_BATCH = 100;
    /** realm-web's state: twelve lower-case letters; anything URL-safe and short is taken. */
    private static final Pattern CLIENT_STATE = Pattern.compile("[A-Za-z0-9._~-]{1,128}");
    private static final Pattern IDP_ERROR = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final AppDirectory apps;
    private final AuthService auth;
    private final SessionGate gate;
    private final RedirectStateStore states;
    private final Map<String, WebSignIn> webSignIns;
    private final Throttle throttle;
    private final Clock clock;

    /** Makes the web sign-in of every installed provider that has one, from {@code context}, once. */
    public RedirectLogin(AppDirectory apps, AuthService auth, SessionGate gate, RedirectStateStore states,
                         ProviderRegistry providers, ProviderContext context, Throttle throttle, Clock clock) {
        this.apps = apps;
        this.auth = auth;
        this.gate = gate;
        this.states = states;
        this.webSignIns = providers.all().stream().flatMap(p -> p.webSignIn(context).stream())
                .collect(Collectors.toUnmodifiableMap(WebSignIn::type, Function.identity()));
        this.throttle = throttle;
        this.clock = clock;
    }

    /** Starts a login: the provider's sign-in page for this app, or the documented error. */
    public SignInStarted login(SignInStart start) {
        return begin(start, null);
    }

    /** Starts linking the provider to {@code caller}'s user, whose access token asked. */
    public SignInStarted link(SignInStart start, AccessCaller caller) {
        if (!caller.app().id().equals(start.appId())) {
            throw new AuthException(ErrorCode.InvalidSession, "invalid session: the token belongs to another app");
        }
        return begin(start, caller);
    }

    private SignInStarted begin(SignInStart start, AccessCaller caller) {
        App app = apps.requireApp(start.appId());
        ProviderConfig config = apps.requireEnabledProvider(app.id(), start.type());
        WebSignIn web = web(config.type());
        if (start.clientState() == null || start.clientState().isEmpty()) {
            throw new AuthException(ErrorCode.MissingParameter, "missing parameter: state");
        }
        if (!CLIENT_STATE.matcher(start.clientState()).matches()) {
            throw new AuthException(ErrorCode.InvalidParameter, "state must be 1 to 128 letters, digits, '.', '_', '~' or '-'");
        }
        if (start.redirect() == null || start.redirect().isEmpty()) {
            throw new AuthException(ErrorCode.MissingParameter, "missing parameter: redirect");
        }
        if (!web.allowedRedirects(config.config()).allows(start.redirect())) {
            throw new AuthException(ErrorCode.InvalidParameter,
                    "redirect is not one of the " + config.type() + " provider's allowed_redirect_urls");
        }
        throttle.login(app, config.type(), start.clientKey());
        Instant now = clock.instant();
        String token = Secrets.random(32);
        String nonce = Secrets.random(16);
        URI location = web.authorization(config.config(), new WebSignIn.Authorization(start.callback(), token, nonce));
        String binding = caller == null ? null : Secrets.random(32);
        LinkTarget link = caller == null ? null
                : new LinkTarget(caller.user().id(), caller.sessionId(), caller.deviceId(), Secrets.hash(binding));
        states.deleteExpired(now, PURGE_BATCH);
        states.insert(new RedirectState(Secrets.hash(token), app.id(), config.type(), start.clientState(), start.redirect(),
                caller == null ? start.deviceId() : null, link, nonce, now, now.plus(LIFETIME)));
        return new SignInStarted(location, binding);
    }

    /**
     * Ends the sign-in of {@code callback.state}. Throws (and the browser stays at Atrium, sent
     * nowhere) when the state is missing, unknown, used or expired, or its page is no longer
     * allowed; every later refusal or failure is a {@link SignInOutcome.Failure} to show on the app's page.
     */
    public SignInOutcome finish(SignInCallback callback) {
        if (callback.state() == null || callback.state().isEmpty()) {
            throw new AuthException(ErrorCode.MissingParameter, "missing parameter: state");
        }
        RedirectState state = states.take(Secrets.hash(callback.state()), clock.instant())
                .orElseThrow(() -> new AuthException(ErrorCode.BadRequest,
                        "unknown, used or expired sign-in state: start the sign-in again from the app"));
        ProviderConfig config = apps.requireEnabledProvider(state.appId(), state.providerType());
        WebSignIn web = web(config.type());
        if (!web.allowedRedirects(config.config()).allows(state.redirectUrl())) {
            throw new AuthException(ErrorCode.InvalidParameter,
                    "redirect is no longer one of the " + config.type() + " provider's allowed_redirect_urls");
        }
        SignInOutcome.Page to = new SignInOutcome.Page(state.redirectUrl(), state.appId(), state.clientState(), state.isLink());
        try {
            return new SignInOutcome.Success(to, complete(state, config, web, callback));
        } catch (RuntimeException e) {
            return new SignInOutcome.Failure(to, e);
        }
    }

    private LoginResponse complete(RedirectState state, ProviderConfig config, WebSignIn web, SignInCallback callback) {
        if (callback.error() != null) {
            String said = IDP_ERROR.matcher(callback.error()).matches() ? callback.error() : "error";
            throw new AuthException(ErrorCode.AuthError, config.type() + " sign-in did not complete at the provider: " + said);
        }
        if (callback.code() == null || callback.code().isEmpty()) {
            throw new AuthException(ErrorCode.MissingParameter, "missing parameter: code");
        }
        AccessCaller caller = null;
        if (state.isLink()) {
            if (callback.binding() == null || !Secrets.sameHash(state.link().bindingHash(), Secrets.hash(callback.binding()))) {
                throw new AuthException(ErrorCode.LinkRefused, "link refused: this browser did not start the link"
                        + " (Atrium's cookie did not come back: are third-party cookies blocked?)");
            }
            caller = gate.resume(state.appId(), state.link().userId(), state.link().sessionId(), state.link().deviceId());
        }
        Map<String, Object> credentials;
        try {
            credentials = web.credentials(config.config(), new WebSignIn.CodeGrant(callback.code(), callback.callback(), state.nonce()));
        } catch (AuthException e) {
            if (caller == null || e instanceof RetryLaterException) {
                throw e;
            }
            throw new AuthException(ErrorCode.LinkRefused, "link refused: " + e.getMessage(), e.detail());
        }
        RequestFields body = RequestFields.of(credentials);
        return caller == null
                ? auth.login(state.appId(), state.providerType(), body, state.deviceId(), callback.clientKey())
                : auth.link(state.appId(), state.providerType(), body, caller, callback.clientKey());
    }

    private WebSignIn web(String type) {
        WebSignIn web = webSignIns.get(type);
        if (web == null) {
            throw new AuthException(ErrorCode.AuthProviderNotFound, "the " + type + " provider has no web sign-in");
        }
        return web;
    }
}
