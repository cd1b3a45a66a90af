package dev.atrium.core.auth.password;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.admission.Throttle;
import dev.atrium.core.admission.Throttle.Route;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.auth.password.TokenDelivery.Purpose;
import dev.atrium.core.auth.password.UserpassAccount.PendingToken;
import dev.atrium.core.auth.password.UserpassSettings.UnknownEmail;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.kernel.RequestFields;
import dev.atrium.core.kernel.RetryLaterException;
import dev.atrium.core.kernel.Secrets;
import dev.atrium.core.sessions.SessionStore;
import dev.atrium.core.users.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The email/password account routes of docs/client-api.md, E-mail/password routes: register, confirm, resend, confirmation function,
 * reset by mail or webhook, reset with token, reset function. Tokens are 256-bit random, stored
 * hashed, single use and expiring; a delivery that fails leaves the account as it was.
 *
 * <p>Every route is throttled per client network ({@code clientKey}) and every message per e-mail
 * address, known or not ({@link Throttle}). By default ({@link UnknownEmail#SAME_ANSWER}) the
 * token requests ({@code confirm/send}, {@code confirm/call}, {@code reset/send}) answer before
 * looking the account up: the lookup and the delivery run on {@code background}, so neither the
 * answer nor its timing tells whether the address has an account.
 */
public final class UserpassService {
    private final AppDirectory apps;
    private final UserpassStore accounts;
    private final PasswordHasher hasher;
    private final TokenDelivery delivery;
    private final UserStore users;
    private final SessionStore sessions;
    private final Throttle throttle;
    private final Executor background;
    private final Clock clock;

    public UserpassService(AppDirectory apps, UserpassStore accounts, PasswordHasher hasher, TokenDelivery delivery,
                           UserStore users, SessionStore sessions, Throttle throttle, Executor background, Clock clock) {
        this.apps = apps;
        this.accounts = accounts;
        this.hasher = hasher;
        this.delivery = delivery;
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.background = background;
        this.clock = clock;
    }

    /** Registers {@code email}; confirmed at once in {@code auto} mode, else a confirmation token is delivered first. */
    public void register(String appId, RequestFields body, String clientKey) {
        UserpassSettings settings = settings(appId);
        App app = counted(appId, Route.REGISTER, clientKey);
        String email = UserpassInput.emailField(body, "email");
        String password = UserpassInput.password(UserpassInput.field(body, "password"));
        boolean auto = settings.confirmation().equals(UserpassSettings.AUTO);
        if (!auto) {
            throttle.message(app, email);
        }
        if (accounts.findByEmail(appId, email).isPresent()) {
            throw nameInUse();
        }
        Instant now = clock.instant();
        PendingToken pending = null;
        if (!auto) {
            Issued t = issue(now, settings);
            delivery.send(appId, settings, settings.confirmation(), Purpose.CONFIRM, email, t.token, t.pending.id());
            pending = t.pending;
        }
        UserpassAccount account = new UserpassAccount(ObjectIds.next(now), appId, email, hasher.hash(password), auto,
                pending, null, now);
        if (!accounts.create(account)) {
            throw nameInUse();
        }
    }

    /** Confirms the account of a confirmation token. */
    public void confirm(String appId, RequestFields body, String clientKey) {
        settings(appId);
        counted(appId, Route.TOKEN_CHECK, clientKey);
        String token = UserpassInput.tokenField(body, "token");
        String tokenId = UserpassInput.tokenField(body, "tokenId");
        UserpassAccount account = accounts.findByTokenId(appId, tokenId).orElseThrow(UserpassService::invalidToken);
        if (account.confirmed()) {
            throw alreadyConfirmed();
        }
        requireValid(account.confirmToken(), tokenId, token);
        if (!accounts.update(account.withConfirmed(true, null), tokenId)) {
            throw invalidToken();
        }
    }

    /** Sends a new confirmation token by the app's confirmation channel ({@code confirm/send}). */
    public void resendConfirmation(String appId, RequestFields body, String clientKey) {
        UserpassSettings settings = settings(appId);
        requestConfirmation(appId, settings, settings.confirmation(), body, clientKey);
    }

    /** Runs the confirmation function (the webhook) again ({@code confirm/call}). */
    public void callConfirmation(String appId, RequestFields body, String clientKey) {
        requestConfirmation(appId, settings(appId), UserpassSettings.WEBHOOK, body, clientKey);
    }

    private void requestConfirmation(String appId, UserpassSettings settings, String channel, RequestFields body,
                                     String clientKey) {
        App app = counted(appId, Route.TOKEN_DELIVERY, clientKey);
        String email = UserpassInput.emailField(body, "email");
        if (!settings.confirmation().equals(channel)) {
            throw new AuthException(ErrorCode.BadRequest, "confirmation by " + channel + " is not configured for this app");
        }
        throttle.message(app, email);
        dispatch(settings, () -> deliverConfirmation(appId, settings, channel, email));
    }

    private void deliverConfirmation(String appId, UserpassSettings settings, String channel, String email) {
        UserpassAccount account = known(appId, settings, email);
        if (account == null) {
            return;
        }
        if (account.confirmed()) {
            if (settings.unknownEmail() == UnknownEmail.USER_NOT_FOUND) {
                throw alreadyConfirmed();
            }
            return; // answering UserAlreadyConfirmed would tell that the address has an account
        }
        Issued t = issue(clock.instant(), settings);
        storeThenSend(account, account.withConfirmed(false, t.pending), t.pending,
                () -> delivery.send(appId, settings, channel, Purpose.CONFIRM, account.email(), t.token, t.pending.id()));
    }

    /** Sends a reset token by the app's reset channel ({@code reset/send}). */
    public void sendReset(String appId, RequestFields body, String clientKey) {
        UserpassSettings settings = settings(appId);
        App app = counted(appId, Route.TOKEN_DELIVERY, clientKey);
        String email = UserpassInput.emailField(body, "email");
        if (settings.reset().equals(UserpassSettings.NONE)) {
            throw new AuthException(ErrorCode.BadRequest, "password reset is not configured for this app");
        }
        throttle.message(app, email);
        dispatch(settings, () -> deliverReset(appId, settings, email));
    }

    /**
     * Sends a reset token to {@code email} now, by the app's reset channel, with no client request
     * behind it: an operator inviting the accounts an import brought over without a password to
     * set one (docs/migrating-from-app-services.md). Counted against the address's message throttle
     * like any reset (TooManyRequestsException over it); BadRequest when the app refuses resets;
     * DeliveryFailed when the mail server or webhook fails (the account is then left as it was).
     */
    public void sendResetNow(String appId, String email) {
        UserpassSettings settings = requireReset(appId);
        throttle.message(apps.requireApp(appId), email);
        deliverReset(appId, settings, email);
    }

    /** The app's settings when it has e-mail/password enabled with a reset channel; BadRequest otherwise. */
    public UserpassSettings requireReset(String appId) {
        UserpassSettings settings = settings(appId);
        if (settings.reset().equals(UserpassSettings.NONE)) {
            throw new AuthException(ErrorCode.BadRequest, "password reset is not configured for this app");
        }
        return settings;
    }

    private void deliverReset(String appId, UserpassSettings settings, String email) {
        UserpassAccount account = known(appId, settings, email);
        if (account == null) {
            return;
        }
        Issued t = issue(clock.instant(), settings);
        storeThenSend(account, account.withReset(t.pending), t.pending,
                () -> delivery.send(appId, settings, settings.reset(), Purpose.RESET, account.email(), t.token, t.pending.id()));
    }

    /**
     * Stores the new pending token before sending it, so a link works the moment it arrives (the
     * send may run after the answer, and a mail client or webhook can be quicker than a write);
     * if the send fails, the account is put back as it was unless the token was used meanwhile.
     */
    private void storeThenSend(UserpassAccount before, UserpassAccount with, PendingToken pending, Runnable send) {
        accounts.update(with, null);
        try {
            send.run();
        } catch (RuntimeException failed) {
            accounts.update(before, pending.id());
            throw failed;
        }
    }

    /** Sets a new password with a reset token; every session of the account's user is revoked. */
    public void reset(String appId, RequestFields body, String clientKey) {
        settings(appId);
        counted(appId, Route.TOKEN_CHECK, clientKey);
        String password = UserpassInput.password(UserpassInput.field(body, "password"));
        String token = UserpassInput.tokenField(body, "token");
        String tokenId = UserpassInput.tokenField(body, "tokenId");
        UserpassAccount account = accounts.findByTokenId(appId, tokenId).orElseThrow(UserpassService::invalidToken);
        requireValid(account.resetToken(), tokenId, token);
        if (!accounts.update(account.withPassword(hasher.hash(password)), tokenId)) {
            throw invalidToken();
        }
        revokeSessions(account);
    }

    /**
     * Asks the app's reset function ({@code reset/call}); on "success" the password is set at once.
     * Its answer is the function's, so it runs before answering; an e-mail with no account gets the
     * answer of a pending reset (204) with nothing called, unless the app reveals unknown e-mails.
     */
    public void callReset(String appId, RequestFields body, String clientKey) {
        UserpassSettings settings = settings(appId);
        App app = counted(appId, Route.TOKEN_DELIVERY, clientKey);
        String password = UserpassInput.password(UserpassInput.field(body, "password"));
        String email = UserpassInput.emailField(body, "email");
        if (!settings.reset().equals(UserpassSettings.WEBHOOK)) {
            throw new AuthException(ErrorCode.BadRequest, "no reset function is configured for this app");
        }
        throttle.message(app, email);
        UserpassAccount account = known(appId, settings, email);
        if (account == null) {
            return;
        }
        Issued t = issue(clock.instant(), settings);
        switch (delivery.callReset(appId, settings, account.email(), t.token, t.pending.id(), body.value("arguments"))) {
            case SUCCESS -> {
                accounts.update(account.withPassword(hasher.hash(password)), null);
                revokeSessions(account);
            }
            case PENDING -> accounts.update(account.withReset(t.pending), null);
            case FAIL -> throw new AuthException(ErrorCode.BadRequest, "the reset function refused the reset");
        }
    }

    /** Runs {@code work} now when the app reveals unknown e-mails (its failures are the answer), else after answering. */
    private void dispatch(UserpassSettings settings, Runnable work) {
        if (settings.unknownEmail() == UnknownEmail.USER_NOT_FOUND) {
            work.run();
            return;
        }
        try {
            background.execute(work);
        } catch (RejectedExecutionException full) {
            throw new RetryLaterException(ErrorCode.ServerBusy, "the server is busy sending messages; retry later",
                    Duration.ofSeconds(1));
        }
    }

    private void revokeSessions(UserpassAccount account) {
        users.findByIdentity(account.appId(), UserpassProvider.TYPE, account.id())
                .ifPresent(u -> sessions.revokeAll(u.appId(), u.id()));
    }

    private UserpassSettings settings(String appId) {
        return UserpassSettings.from(apps.requireEnabledProvider(appId, UserpassProvider.TYPE).config());
    }

    /** The app, once {@code route} from {@code clientKey}'s network is counted (TooManyRequests over the limit). */
    private App counted(String appId, Route route, String clientKey) {
        App app = apps.requireApp(appId);
        throttle.route(app, route, clientKey);
        return app;
    }

    /** The account of {@code email}; null when there is none, or UserNotFound if the app reveals that. */
    private UserpassAccount known(String appId, UserpassSettings settings, String email) {
        UserpassAccount account = accounts.findByEmail(appId, email).orElse(null);
        if (account == null && settings.unknownEmail() == UnknownEmail.USER_NOT_FOUND) {
            throw new AuthException(ErrorCode.UserNotFound, "user not found");
        }
        return account;
    }

    private void requireValid(PendingToken pending, String tokenId, String token) {
        if (pending == null || !pending.id().equals(tokenId) || !Secrets.sameHash(pending.hash(), Secrets.hash(token))
                || !pending.expiresAt().isAfter(clock.instant())) {
            throw invalidToken();
        }
    }

    record Issued(String token, PendingToken pending) {}

    static Issued issue(Instant now, UserpassSettings settings) {
        String token = Secrets.random(32);
        return new Issued(token, new PendingToken(ObjectIds.next(now), Secrets.hash(token), now.plus(settings.tokenLifetime())));
    }

    private static AuthException invalidToken() {
        return new AuthException(ErrorCode.UserpassTokenInvalid, "invalid token data");
    }

    private static AuthException alreadyConfirmed() {
        return new AuthException(ErrorCode.UserAlreadyConfirmed, "already confirmed");
    }

    private static AuthException nameInUse() {
        return new AuthException(ErrorCode.AccountNameInUse, "name already in use");
    }
}
