package dev.atrium.core.auth.password;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.admission.Throttle;
import dev.atrium.core.admission.Throttle.Route;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.auth.password.TokenDelivery.Purpose;
import dev.atrium.core.auth.password.UserpassAccount.PendingToken;
import dev.atrium.core.auth.password.UserpassSteps.Issued;
import dev.atrium.core.auth.password.UserpassSettings.UnknownEmail;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.kernel.RequestFields;
import dev.atrium.core.sessions.SessionStore;
import dev.atrium.core.users.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executor;

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
    private final UserpassSteps steps;
    private final UserpassReset resets;
    private final PasswordHasher hasher;
    private final TokenDelivery delivery;

    public UserpassService(AppDirectory apps, UserpassStore accounts, PasswordHasher hasher, TokenDelivery delivery,
                           UserStore users, SessionStore sessions, Throttle throttle, Executor background, Clock clock) {
        this.steps = new UserpassSteps(apps, accounts, throttle, background, clock, users, sessions);
        this.resets = new UserpassReset(steps, hasher, delivery);
        this.hasher = hasher;
        this.delivery = delivery;
    }

    /** Registers {@code email}; confirmed at once in {@code auto} mode, else a confirmation token is delivered first. */
    public void register(String appId, RequestFields body, String clientKey) {
        UserpassSettings settings = steps.settings(appId);
        App app = steps.counted(appId, Route.REGISTER, clientKey);
        String email = UserpassInput.emailField(body, "email");
        String password = UserpassInput.password(UserpassInput.field(body, "password"));
        boolean auto = settings.confirmation().equals(UserpassSettings.AUTO);
        if (!auto) {
            steps.throttle().message(app, email);
        }
        if (steps.accounts().findByEmail(appId, email).isPresent()) {
            throw nameInUse();
        }
        Instant now = steps.clock().instant();
        PendingToken pending = null;
        if (!auto) {
            Issued t = UserpassSteps.issue(now, settings);
            delivery.send(appId, settings, settings.confirmation(), Purpose.CONFIRM, email, t.token(), t.pending().id());
            pending = t.pending();
        }
        UserpassAccount account = new UserpassAccount(ObjectIds.next(now), appId, email, hasher.hash(password), auto,
                pending, null, now);
        if (!steps.accounts().create(account)) {
            throw nameInUse();
        }
    }

    /** Confirms the account of a confirmation token. */
    public void confirm(String appId, RequestFields body, String clientKey) {
        steps.settings(appId);
        steps.counted(appId, Route.TOKEN_CHECK, clientKey);
        String token = UserpassInput.tokenField(body, "token");
        String tokenId = UserpassInput.tokenField(body, "tokenId");
        UserpassAccount account = steps.accounts().findByTokenId(appId, tokenId).orElseThrow(UserpassSteps::invalidToken);
        if (account.confirmed()) {
            throw alreadyConfirmed();
        }
        steps.requireValid(account.confirmToken(), tokenId, token);
        if (!steps.accounts().update(account.withConfirmed(true, null), tokenId)) {
            throw UserpassSteps.invalidToken();
        }
    }

    /** Sends a new confirmation token by the app's confirmation channel ({@code confirm/send}). */
    public void resendConfirmation(String appId, RequestFields body, String clientKey) {
        UserpassSettings settings = steps.settings(appId);
        requestConfirmation(appId, settings, settings.confirmation(), body, clientKey);
    }

    /** Runs the confirmation function (the webhook) again ({@code confirm/call}). */
    public void callConfirmation(String appId, RequestFields body, String clientKey) {
        requestConfirmation(appId, steps.settings(appId), UserpassSettings.WEBHOOK, body, clientKey);
    }

    private void requestConfirmation(String appId, UserpassSettings settings, String channel, RequestFields body,
                                     String clientKey) {
        App app = steps.counted(appId, Route.TOKEN_DELIVERY, clientKey);
        String email = UserpassInput.emailField(body, "email");
        if (!settings.confirmation().equals(channel)) {
            throw new AuthException(ErrorCode.BadRequest, "confirmation by " + channel + " is not configured for this app");
        }
        steps.throttle().message(app, email);
        steps.dispatch(settings, () -> deliverConfirmation(appId, settings, channel, email));
    }

    private void deliverConfirmation(String appId, UserpassSettings settings, String channel, String email) {
        UserpassAccount account = steps.known(appId, settings, email);
        if (account == null) {
            return;
        }
        if (account.confirmed()) {
            if (settings.unknownEmail() == UnknownEmail.USER_NOT_FOUND) {
                throw alreadyConfirmed();
            }
            return; // answering UserAlreadyConfirmed would tell that the address has an account
        }
        Issued t = UserpassSteps.issue(steps.clock().instant(), settings);
        steps.storeThenSend(account, account.withConfirmed(false, t.pending()), t.pending(),
                () -> delivery.send(appId, settings, channel, Purpose.CONFIRM, account.email(), t.token(), t.pending().id()));
    }

    /** Sends a reset token by the app's reset channel ({@code reset/send}). */
    public void sendReset(String appId, RequestFields body, String clientKey) {
        resets.sendReset(appId, body, clientKey);
    }

    /**
     * Sends a reset token to {@code email} now, with no client request behind it: an operator
     * inviting imported accounts without a password to set one (docs/migrating-from-app-services.md).
     * Counted against the address's message throttle; BadRequest when the app refuses resets;
     * DeliveryFailed when the mail server or webhook fails (the account is then left as it was).
     */
    public void sendResetNow(String appId, String email) {
        resets.sendResetNow(appId, email);
    }

    /** The app's settings when it has e-mail/password enabled with a reset channel; BadRequest otherwise. */
    public UserpassSettings requireReset(String appId) {
        return resets.requireReset(appId);
    }

    /** Sets a new password with a reset token; every session of the account's user is revoked. */
    public void reset(String appId, RequestFields body, String clientKey) {
        resets.reset(appId, body, clientKey);
    }

    /**
     * Asks the app's reset function ({@code reset/call}); on "success" the password is set at once.
     * An e-mail with no account gets the answer of a pending reset, unless the app reveals unknown e-mails.
     */
    public void callReset(String appId, RequestFields body, String clientKey) {
        resets.callReset(appId, body, clientKey);
    }

    private static AuthException alreadyConfirmed() {
        return new AuthException(ErrorCode.UserAlreadyConfirmed, "already confirmed");
    }

    private static AuthException nameInUse() {
        return new AuthException(ErrorCode.AccountNameInUse, "name already in use");
    }
}
