package dev.atrium.core.auth.password;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.auth.password.TokenDelivery.Purpose;
import dev.atrium.core.auth.password.UserpassAccount.PendingToken;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.kernel.Secrets;
import dev.atrium.core.sessions.SessionStore;
import dev.atrium.core.users.UserStore;
import java.time.Clock;
import java.time.Instant;

/**
 * The email/password account routes of spec §6: register, confirm, resend, confirmation function,
 * reset by mail or webhook, reset with token, reset function. Tokens are 256-bit random, stored
 * hashed, single use and expiring; a delivery that fails leaves the account as it was.
 */
public final class UserpassService {
    private final AppDirectory apps;
    private final UserpassStore accounts;
    private final PasswordHasher hasher;
    private final TokenDelivery delivery;
    private final UserStore users;
    private final SessionStore sessions;
    private final Clock clock;

    public UserpassService(AppDirectory apps, UserpassStore accounts, PasswordHasher hasher, TokenDelivery delivery,
                           UserStore users, SessionStore sessions, Clock clock) {
        this.apps = apps;
        this.accounts = accounts;
        this.hasher = hasher;
        this.delivery = delivery;
        this.users = users;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Registers {@code email}; confirmed at once in {@code auto} mode, else a confirmation token is delivered first. */
    public void register(String appId, JsonNode body) {
        UserpassSettings settings = settings(appId);
        String email = UserpassInput.email(UserpassInput.field(body, "email"));
        String password = UserpassInput.password(UserpassInput.field(body, "password"));
        if (accounts.findByEmail(appId, email).isPresent()) {
            throw nameInUse();
        }
        Instant now = clock.instant();
        boolean auto = settings.confirmation().equals(UserpassSettings.AUTO);
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
    public void confirm(String appId, JsonNode body) {
        settings(appId);
        String token = UserpassInput.field(body, "token");
        String tokenId = UserpassInput.field(body, "tokenId");
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
    public void resendConfirmation(String appId, JsonNode body) {
        UserpassSettings settings = settings(appId);
        deliverConfirmation(appId, settings, settings.confirmation(), body);
    }

    /** Runs the confirmation function (the webhook) again ({@code confirm/call}). */
    public void callConfirmation(String appId, JsonNode body) {
        deliverConfirmation(appId, settings(appId), UserpassSettings.WEBHOOK, body);
    }

    private void deliverConfirmation(String appId, UserpassSettings settings, String channel, JsonNode body) {
        UserpassAccount account = account(appId, body);
        if (account.confirmed()) {
            throw alreadyConfirmed();
        }
        if (!settings.confirmation().equals(channel)) {
            throw new AuthException(ErrorCode.BadRequest, "confirmation by " + channel + " is not configured for this app");
        }
        Issued t = issue(clock.instant(), settings);
        delivery.send(appId, settings, channel, Purpose.CONFIRM, account.email(), t.token, t.pending.id());
        accounts.update(account.withConfirmed(false, t.pending), null);
    }

    /** Sends a reset token by the app's reset channel ({@code reset/send}). */
    public void sendReset(String appId, JsonNode body) {
        UserpassSettings settings = settings(appId);
        UserpassAccount account = account(appId, body);
        if (settings.reset().equals(UserpassSettings.NONE)) {
            throw new AuthException(ErrorCode.BadRequest, "password reset is not configured for this app");
        }
        Issued t = issue(clock.instant(), settings);
        delivery.send(appId, settings, settings.reset(), Purpose.RESET, account.email(), t.token, t.pending.id());
        accounts.update(account.withReset(t.pending), null);
    }

    /** Sets a new password with a reset token; every session of the account's user is revoked. */
    public void reset(String appId, JsonNode body) {
        settings(appId);
        String password = UserpassInput.password(UserpassInput.field(body, "password"));
        String token = UserpassInput.field(body, "token");
        String tokenId = UserpassInput.field(body, "tokenId");
        UserpassAccount account = accounts.findByTokenId(appId, tokenId).orElseThrow(UserpassService::invalidToken);
        requireValid(account.resetToken(), tokenId, token);
        if (!accounts.update(account.withPassword(hasher.hash(password)), tokenId)) {
            throw invalidToken();
        }
        revokeSessions(account);
    }

    /** Asks the app's reset function ({@code reset/call}); on "success" the password is set at once. */
    public void callReset(String appId, JsonNode body) {
        UserpassSettings settings = settings(appId);
        String password = UserpassInput.password(UserpassInput.field(body, "password"));
        UserpassAccount account = account(appId, body);
        if (!settings.reset().equals(UserpassSettings.WEBHOOK)) {
            throw new AuthException(ErrorCode.BadRequest, "no reset function is configured for this app");
        }
        Issued t = issue(clock.instant(), settings);
        switch (delivery.callReset(appId, settings, account.email(), t.token, t.pending.id(), body.path("arguments"))) {
            case SUCCESS -> {
                accounts.update(account.withPassword(hasher.hash(password)), null);
                revokeSessions(account);
            }
            case PENDING -> accounts.update(account.withReset(t.pending), null);
            case FAIL -> throw new AuthException(ErrorCode.BadRequest, "the reset function refused the reset");
        }
    }

    private void revokeSessions(UserpassAccount account) {
        users.findByIdentity(account.appId(), UserpassProvider.TYPE, account.id())
                .ifPresent(u -> sessions.revokeAll(u.appId(), u.id()));
    }

    private UserpassSettings settings(String appId) {
        return UserpassSettings.from(apps.requireEnabledProvider(appId, UserpassProvider.TYPE).config());
    }

    private UserpassAccount account(String appId, JsonNode body) {
        String email = UserpassInput.email(UserpassInput.field(body, "email"));
        return accounts.findByEmail(appId, email)
                .orElseThrow(() -> new AuthException(ErrorCode.UserNotFound, "user not found"));
    }

    private void requireValid(PendingToken pending, String tokenId, String token) {
        if (pending == null || !pending.id().equals(tokenId) || !Secrets.sameHash(pending.hash(), Secrets.hash(token))
                || !pending.expiresAt().isAfter(clock.instant())) {
            throw invalidToken();
        }
    }

    private record Issued(String token, PendingToken pending) {}

    private static Issued issue(Instant now, UserpassSettings settings) {
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
