package dev.atrium.core.auth.password;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.auth.password.TokenDelivery.Purpose;
import dev.atrium.core.auth.password.UserpassSteps.Issued;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.kernel.RequestFields;
import dev.atrium.core.kernel.Secrets;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserStore;
import dev.atrium.core.users.UserType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an operator does with e-mail/password accounts (the admin API and the console, docs/architecture.md,
 * Surfaces): create a user with a password, invite one, send a password reset. Unlike the client
 * routes these are not throttled (only admin tokens reach them) and deliver before answering, so a
 * delivery that fails is the operator's answer (502 DeliveryFailed), with nothing changed.
 *
 * <p>The account and its user are written together ({@link UserpassStore#createWithUser}): the
 * user is in the users list at once, and its first login finds it by its identity.
 */
public final class UserpassAdmin {
    private final AppDirectory apps;
    private final UserpassStore accounts;
    private final PasswordHasher hasher;
    private final TokenDelivery delivery;
    private final UserStore users;
    private final Clock clock;

    public UserpassAdmin(AppDirectory apps, UserpassStore accounts, PasswordHasher hasher, TokenDelivery delivery,
                         UserStore users, Clock clock) {
        this.apps = apps;
        this.accounts = accounts;
        this.hasher = hasher;
        this.delivery = delivery;
        this.users = users;
        this.clock = clock;
    }

    /** A confirmed account with {@code password} and its user: the operator vouches for the address, so no mail goes out. */
    public User create(String appId, String email, String password) {
        settings(appId);
        String address = email(email);
        String hash = hasher.hash(UserpassInput.password(password));
        return store(appId, address, hash, null);
    }

    /**
     * An account nobody knows the password of, and its user, with a reset token sent by the app's
     * reset channel (a mailed link {@code reset_url?token=…&tokenId=…}, or the webhook's
     * {@code reset} call): the person chooses a password by resetting it. Sent before anything is
     * stored, as a registration's confirmation is: a failed delivery leaves nothing behind.
     */
    public User invite(String appId, String email) {
        UserpassSettings settings = resettable(appId);
        String address = email(email);
        if (accounts.findByEmail(appId, address).isPresent()) {
            throw nameInUse();
        }
        Issued t = UserpassSteps.issue(clock.instant(), settings);
        delivery.send(appId, settings, settings.reset(), Purpose.RESET, address, t.token(), t.pending().id());
        return store(appId, address, hasher.hash(Secrets.random(32)), t.pending());
    }

    /** Sends a reset token for the user's e-mail/password account by the app's reset channel; returns the address. */
    public String sendReset(String appId, String userId) {
        UserpassSettings settings = resettable(appId);
        User user = users.find(appId, userId).orElseThrow(() -> new AuthException(ErrorCode.UserNotFound, "user not found: " + userId));
        Identity identity = user.identities().stream().filter(i -> i.providerType().equals(UserpassProvider.TYPE)).findFirst()
                .orElseThrow(() -> new AuthException(ErrorCode.InvalidParameter,
                        "user " + userId + " has no " + UserpassProvider.TYPE + " identity: there is no password to reset"));
        UserpassAccount account = identity.providerData().get("email") instanceof String e
                ? accounts.findByEmail(appId, e).filter(a -> a.id().equals(identity.subject())).orElse(null) : null;
        if (account == null) {
            throw new AuthException(ErrorCode.UserNotFound, "the e-mail/password account of user " + userId + " is gone");
        }
        Issued t = UserpassSteps.issue(clock.instant(), settings);
        accounts.update(account.withReset(t.pending()), null);
        try {
            delivery.send(appId, settings, settings.reset(), Purpose.RESET, account.email(), t.token(), t.pending().id());
        } catch (RuntimeException failed) {
            accounts.update(account, t.pending().id()); // put back unless the token was used meanwhile
            throw failed;
        }
        return account.email();
    }

    /** Whether {@code user} holds an e-mail/password identity, so an operator can send it a password reset. */
    public static boolean hasPassword(User user) {
        return user.providerTypes().contains(UserpassProvider.TYPE);
    }

    private User store(String appId, String email, String hash, UserpassAccount.PendingToken reset) {
        Instant now = clock.instant();
        UserpassAccount account = new UserpassAccount(ObjectIds.next(now), appId, email, hash, true, null, reset, now);
        User user = new User(ObjectIds.next(now), appId, UserType.NORMAL, false, now, now, Map.of(),
                List.of(new Identity(UserpassProvider.TYPE, account.id(), Map.of("email", email), now)));
        if (!accounts.createWithUser(account, user)) {
            throw nameInUse();
        }
        return user;
    }

    /** The app's local-userpass settings; the provider must be enabled, else no one could log in with the account. */
    private UserpassSettings settings(String appId) {
        apps.requireApp(appId);
        try {
            return UserpassSettings.from(apps.requireEnabledProvider(appId, UserpassProvider.TYPE).config());
        } catch (AuthException e) {
            if (e.code() != ErrorCode.AuthProviderNotFound) {
                throw e;
            }
            throw new AuthException(ErrorCode.InvalidParameter,
                    UserpassProvider.TYPE + " is not enabled for this app: enable it before making e-mail/password users");
        }
    }

    private UserpassSettings resettable(String appId) {
        UserpassSettings settings = settings(appId);
        if (!settings.reset().equals(UserpassSettings.EMAIL) && !settings.reset().equals(UserpassSettings.WEBHOOK)) {
            throw new AuthException(ErrorCode.InvalidParameter, "password reset is not configured for this app "
                    + "(local-userpass reset is none): set it to email (with smtp and reset_url) or webhook");
        }
        return settings;
    }

    private static String email(String raw) {
        return UserpassInput.emailField(RequestFields.of(Map.of("email", raw == null ? "" : raw)), "email");
    }

    private static AuthException nameInUse() {
        return new AuthException(ErrorCode.AccountNameInUse, "name already in use");
    }
}
