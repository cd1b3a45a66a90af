package dev.atrium.core.auth.password;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.admission.Throttle.Route;
import dev.atrium.core.apps.App;
import dev.atrium.core.auth.password.TokenDelivery.Purpose;
import dev.atrium.core.auth.password.UserpassSteps.Issued;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.RequestFields;

/**
 * The password reset routes of docs/client-api.md, E-mail/password routes, behind
 * {@link UserpassService}: a reset token by mail or webhook ({@code reset/send}), a new password with
 * the token ({@code reset}), the reset function ({@code reset/call}), and an operator's invitation
 * ({@link #sendResetNow}).
 */
record UserpassReset(UserpassSteps steps, PasswordHasher hasher, TokenDelivery delivery) {
    /** Sends a reset token by the app's reset channel ({@code reset/send}). */
    void sendReset(String appId, RequestFields body, String clientKey) {
        UserpassSettings settings = steps.settings(appId);
        App app = steps.counted(appId, Route.TOKEN_DELIVERY, clientKey);
        String email = UserpassInput.emailField(body, "email");
        if (settings.reset().equals(UserpassSettings.NONE)) {
            throw new AuthException(ErrorCode.BadRequest, "password reset is not configured for this app");
        }
        steps.throttle().message(app, email);
        steps.dispatch(settings, () -> deliverReset(appId, settings, email));
    }

    /**
     * Sends a reset token to {@code email} now, by the app's reset channel, with no client request
     * behind it: an operator inviting the accounts an import brought over without a password to
     * set one (docs/migrating-from-app-services.md). Counted against the address's message throttle
     * like any reset (TooManyRequestsException over it); BadRequest when the app refuses resets;
     * DeliveryFailed when the mail server or webhook fails (the account is then left as it was).
     */
    void sendResetNow(String appId, String email) {
        UserpassSettings settings = requireReset(appId);
        steps.throttle().message(steps.apps().requireApp(appId), email);
        deliverReset(appId, settings, email);
    }

    /** The app's settings when it has e-mail/password enabled with a reset channel; BadRequest otherwise. */
    UserpassSettings requireReset(String appId) {
        UserpassSettings settings = steps.settings(appId);
        if (settings.reset().equals(UserpassSettings.NONE)) {
            throw new AuthException(ErrorCode.BadRequest, "password reset is not configured for this app");
        }
        return settings;
    }

    private void deliverReset(String appId, UserpassSettings settings, String email) {
        UserpassAccount account = steps.known(appId, settings, email);
        if (account == null) {
            return;
        }
        Issued t = UserpassSteps.issue(steps.clock().instant(), settings);
        steps.storeThenSend(account, account.withReset(t.pending()), t.pending(),
                () -> delivery.send(appId, settings, settings.reset(), Purpose.RESET, account.email(), t.token(), t.pending().id()));
    }

    /** Sets a new password with a reset token; every session of the account's user is revoked. */
    void reset(String appId, RequestFields body, String clientKey) {
        steps.settings(appId);
        steps.counted(appId, Route.TOKEN_CHECK, clientKey);
        String password = UserpassInput.password(UserpassInput.field(body, "password"));
        String token = UserpassInput.tokenField(body, "token");
        String tokenId = UserpassInput.tokenField(body, "tokenId");
        UserpassAccount account = steps.accounts().findByTokenId(appId, tokenId).orElseThrow(UserpassSteps::invalidToken);
        steps.requireValid(account.resetToken(), tokenId, token);
        if (!steps.accounts().update(account.withPassword(hasher.hash(password)), tokenId)) {
            throw UserpassSteps.invalidToken();
        }
        steps.revokeSessions(account);
    }

    /**
     * Asks the app's reset function ({@code reset/call}); on "success" the password is set at once.
     * Its answer is the function's, so it runs before answering; an e-mail with no account gets the
     * answer of a pending reset (204) with nothing called, unless the app reveals unknown e-mails.
     */
    void callReset(String appId, RequestFields body, String clientKey) {
        UserpassSettings settings = steps.settings(appId);
        App app = steps.counted(appId, Route.TOKEN_DELIVERY, clientKey);
        String password = UserpassInput.password(UserpassInput.field(body, "password"));
        String email = UserpassInput.emailField(body, "email");
        if (!settings.reset().equals(UserpassSettings.WEBHOOK)) {
            throw new AuthException(ErrorCode.BadRequest, "no reset function is configured for this app");
        }
        steps.throttle().message(app, email);
        UserpassAccount account = steps.known(appId, settings, email);
        if (account == null) {
            return;
        }
        Issued t = UserpassSteps.issue(steps.clock().instant(), settings);
        switch (delivery.callReset(appId, settings, account.email(), t.token(), t.pending().id(), body.value("arguments"))) {
            case SUCCESS -> {
                steps.accounts().update(account.withPassword(hasher.hash(password)), null);
                steps.revokeSessions(account);
            }
            case PENDING -> steps.accounts().update(account.withReset(t.pending()), null);
            case FAIL -> throw new AuthException(ErrorCode.BadRequest, "the reset function refused the reset");
        }
    }
}
