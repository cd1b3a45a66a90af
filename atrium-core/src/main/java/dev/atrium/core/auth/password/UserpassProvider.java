package dev.atrium.core.auth.password;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.api.ErrorCode;
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
 * {@code local-userpass} login (spec §4, §6): {@code username} is the e-mail. An unknown e-mail
 * and a wrong password get the same answer (InvalidPassword "unauthorized") after the same work:
 * a missing account is verified against a dummy hash.
 */
public final class UserpassProvider implements AuthProvider {
    public static final String TYPE = "local-userpass";

    private final UserpassStore accounts;
    private final UserStore users;
    private final PasswordHasher hasher;

    public UserpassProvider(UserpassStore accounts, UserStore users, PasswordHasher hasher) {
        this.accounts = accounts;
        this.users = users;
        this.hasher = hasher;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Resolution authenticate(App app, ProviderConfig config, JsonNode credentials, Instant now) {
        String username = UserpassInput.field(credentials, "username");
        String password = UserpassInput.field(credentials, "password");
        UserpassAccount account = accounts.findByEmail(app.id(), username.trim().toLowerCase(java.util.Locale.ROOT)).orElse(null);
        if (!hasher.verify(password, account == null ? null : account.passwordHash())) {
            throw new AuthException(ErrorCode.InvalidPassword, "unauthorized");
        }
        if (!account.confirmed()) {
            throw new AuthException(ErrorCode.AuthError, "confirmation required");
        }
        Identity identity = new Identity(TYPE, account.id(), Map.of("email", account.email()), now);
        return new Resolution(identity, users.findByIdentity(app.id(), TYPE, account.id()).map(User::id).orElse(null));
    }
}
