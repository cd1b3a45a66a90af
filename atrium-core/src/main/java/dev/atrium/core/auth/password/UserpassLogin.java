package dev.atrium.core.auth.password;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.admission.Throttle;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.auth.Authenticator;
import dev.atrium.core.auth.Resolution;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserStore;
import java.time.Instant;
import java.util.Map;

/**
 * Checks a {@code local-userpass} login. An unknown e-mail and a wrong password get the same answer
 * (InvalidPassword "unauthorized") after the same work: a missing account is verified against a
 * dummy hash. Failed logins are throttled per account (the e-mail, known or not): once its bucket
 * is empty every login of it is refused with TooManyRequests before any password is checked, the
 * right one too, until the bucket refills.
 */
final class UserpassLogin implements Authenticator<UserpassProvider.EmailPassword> {
    private static final String TYPE = UserpassProvider.TYPE;

    private final UserpassStore accounts;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final Throttle throttle;

    UserpassLogin(UserpassStore accounts, UserStore users, PasswordHasher hasher, Throttle throttle) {
        this.accounts = accounts;
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
    }

    @Override
    public Resolution authenticate(App app, ProviderConfig config, UserpassProvider.EmailPassword credentials, Instant now) {
        UserpassAccount account = checkPassword(app, credentials.email(), credentials.password());
        if (!account.confirmed()) {
            throw new AuthException(ErrorCode.AuthError, "confirmation required");
        }
        Identity identity = new Identity(TYPE, account.id(), Map.of("email", account.email()), now);
        return new Resolution(identity, users.findByIdentity(app.id(), TYPE, account.id()).map(User::id).orElse(null));
    }

    /** The account whose password {@code password} is, counting a failure against the account's throttle. */
    private UserpassAccount checkPassword(App app, String email, String password) {
        Throttle.PasswordAttempt attempt = throttle.passwordAttempt(app, email);
        boolean checked = false;
        try {
            UserpassAccount account = accounts.findByEmail(app.id(), email).orElse(null);
            // No account, or one without a password yet (imported from App Services): the same
            // computation against the dummy hash, and the same InvalidPassword.
            boolean ok = hasher.verify(password, account == null ? null : account.passwordHash());
            checked = true;
            if (!ok) {
                throw new AuthException(ErrorCode.InvalidPassword, "unauthorized");
            }
            attempt.succeeded();
            return account;
        } finally {
            if (!checked) {
                attempt.abandoned();
            }
        }
    }
}
