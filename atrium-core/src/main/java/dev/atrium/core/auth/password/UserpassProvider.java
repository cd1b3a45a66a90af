package dev.atrium.core.auth.password;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.api.ErrorCode;
import dev.atrium.core.admission.Throttle;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.auth.AuthProvider;
import dev.atrium.core.auth.Resolution;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserStore;
import java.time.Instant;
import java.util.Map;

/**
 * {@code local-userpass} login (docs/client-api.md, Login and linking; E-mail/password routes): {@code username} is the e-mail. An unknown e-mail
 * and a wrong password get the same answer (InvalidPassword "unauthorized") after the same work:
 * a missing account is verified against a dummy hash. Failed logins are throttled per account
 * (the e-mail, known or not): once its bucket is empty every login of it is refused with
 * TooManyRequests before any password is checked, the right one too, until the bucket refills.
 */
public final class UserpassProvider implements AuthProvider {
    public static final String TYPE = "local-userpass";

    private final UserpassStore accounts;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final Throttle throttle;

    public UserpassProvider(UserpassStore accounts, UserStore users, PasswordHasher hasher, Throttle throttle) {
        this.accounts = accounts;
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Resolution authenticate(App app, ProviderConfig config, JsonNode credentials, Instant now) {
        String username = UserpassInput.plainField(credentials, "username", UserpassInput.MAX_EMAIL);
        String password = UserpassInput.field(credentials, "password");
        String email = username.trim().toLowerCase(java.util.Locale.ROOT);
        UserpassAccount account = checkPassword(app, email, password);
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
