package dev.atrium.core.auth.password;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.admission.Throttle;
import dev.atrium.core.admission.Throttle.Route;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.auth.password.UserpassAccount.PendingToken;
import dev.atrium.core.auth.password.UserpassSettings.UnknownEmail;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.ObjectIds;
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
 * The steps the e-mail/password account routes share ({@link UserpassService}, {@link UserpassReset}):
 * the app's settings, the throttles, the account of an address, issuing and checking tokens, and
 * running a delivery before or after the answer.
 */
record UserpassSteps(AppDirectory apps, UserpassStore accounts, Throttle throttle, Executor background, Clock clock,
                     UserStore users, SessionStore sessions) {

    /** Runs {@code work} now when the app reveals unknown e-mails (its failures are the answer), else after answering. */
    void dispatch(UserpassSettings settings, Runnable work) {
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

    /** Ends every session of the account's user (a password set by a reset). */
    void revokeSessions(UserpassAccount account) {
        users.findByIdentity(account.appId(), UserpassProvider.TYPE, account.id())
                .ifPresent(u -> sessions.revokeAll(u.appId(), u.id()));
    }

    /** The app's e-mail/password settings; the provider must be enabled (an AuthException otherwise). */
    UserpassSettings settings(String appId) {
        return UserpassSettings.from(apps.requireEnabledProvider(appId, UserpassProvider.TYPE).config());
    }

    /** The app, once {@code route} from {@code clientKey}'s network is counted (TooManyRequests over the limit). */
    App counted(String appId, Route route, String clientKey) {
        App app = apps.requireApp(appId);
        throttle.route(app, route, clientKey);
        return app;
    }

    /** The account of {@code email}; null when there is none, or UserNotFound if the app reveals that. */
    UserpassAccount known(String appId, UserpassSettings settings, String email) {
        UserpassAccount account = accounts.findByEmail(appId, email).orElse(null);
        if (account == null && settings.unknownEmail() == UnknownEmail.USER_NOT_FOUND) {
            throw new AuthException(ErrorCode.UserNotFound, "user not found");
        }
        return account;
    }

    /** UserpassTokenInvalid unless {@code pending} is the token of {@code tokenId}, matches and has not expired. */
    void requireValid(PendingToken pending, String tokenId, String token) {
        if (pending == null || !pending.id().equals(tokenId) || !Secrets.sameHash(pending.hash(), Secrets.hash(token))
                || !pending.expiresAt().isAfter(clock.instant())) {
            throw invalidToken();
        }
    }

    /**
     * Stores the new pending token before sending it, so a link works the moment it arrives (the
     * send may run after the answer, and a mail client or webhook can be quicker than a write);
     * if the send fails, the account is put back as it was unless the token was used meanwhile.
     */
    void storeThenSend(UserpassAccount before, UserpassAccount with, PendingToken pending, Runnable send) {
        accounts.update(with, null);
        try {
            send.run();
        } catch (RuntimeException failed) {
            accounts.update(before, pending.id());
            throw failed;
        }
    }

    /** A new token: what the user gets, and what the account keeps (its hash, id and expiry). */
    record Issued(String token, PendingToken pending) {}

    /** 256 random bits, valid for the app's token lifetime from {@code now}. */
    static Issued issue(Instant now, UserpassSettings settings) {
        String token = Secrets.random(32);
        return new Issued(token, new PendingToken(ObjectIds.next(now), Secrets.hash(token), now.plus(settings.tokenLifetime())));
    }

    static AuthException invalidToken() {
        return new AuthException(ErrorCode.UserpassTokenInvalid, "invalid token data");
    }
}
