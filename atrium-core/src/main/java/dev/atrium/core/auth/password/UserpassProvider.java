package dev.atrium.core.auth.password;

import dev.atrium.core.apps.ProviderSettings;
import dev.atrium.core.apps.SettingField;
import dev.atrium.core.auth.AppServicesProvider;
import dev.atrium.core.auth.Authenticator;
import dev.atrium.core.auth.AuthProvider;
import dev.atrium.core.auth.ImportedSettings;
import dev.atrium.core.auth.ProviderContext;
import dev.atrium.core.kernel.RequestFields;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code local-userpass} login: {@code username} is the e-mail ({@link UserpassLogin} checks the
 * password). Its account routes (register, confirm, reset) are {@link UserpassService}'s. Needs the
 * {@link UserpassStore} and the {@link PasswordHasher} in the provider context.
 */
public final class UserpassProvider implements AuthProvider<UserpassProvider.EmailPassword> {
    public static final String TYPE = "local-userpass";

    private static final ProviderSettings SETTINGS = ProviderSettings.declared(
            SettingField.choice("confirmation", "How a new account is confirmed: at once (auto), by a mailed link "
                    + "(email) or by the app's webhook", UserpassSettings.AUTO, UserpassSettings.EMAIL, UserpassSettings.WEBHOOK)
                    .defaultsTo(UserpassSettings.AUTO),
            SettingField.choice("reset", "How a password reset token is delivered; none refuses resets (default: email "
                    + "with smtp, webhook with webhook_url, else none)",
                    UserpassSettings.EMAIL, UserpassSettings.WEBHOOK, UserpassSettings.NONE),
            SettingField.url(UserpassSettings.WEBHOOK_URL, "The app's endpoint for confirm, reset and reset_function "
                    + "calls; required when confirmation or reset is webhook"),
            SettingField.string(UserpassSettings.WEBHOOK_SECRET, "The key of the webhook's Standard Webhooks "
                    + "signature (whsec_…); required when confirmation or reset is webhook"),
            SettingField.object("smtp", "The mail server for email confirmation and reset",
                    SettingField.string("host", "SMTP host").asRequired(),
                    SettingField.integer("port", "SMTP port").bounds(1L, 65535L).defaultsTo(587),
                    SettingField.string("from", "Sender address").asRequired(),
                    SettingField.string("username", "SMTP user, for AUTH"),
                    SettingField.string("password", "SMTP password"),
                    SettingField.bool("starttls", "Require STARTTLS (default: true when username is set)")),
            SettingField.url("confirm_url", "The confirmation link's base; ?token=…&tokenId=… is appended"),
            SettingField.url("reset_url", "The reset link's base; ?token=…&tokenId=… is appended"),
            SettingField.duration("token_lifetime_s", "How long a confirmation or reset token is valid").defaultsTo(1800),
            SettingField.bool("reveal_unknown_email", "App Services' answers for an e-mail with no account (404 "
                    + "UserNotFound) instead of the same answer as a known one").defaultsTo(false))
            .checkedBy(UserpassSettings::checkConfiguration);

    /** The e-mail (trimmed, lower case) and password of a login body; the password is never printed. */
    public record EmailPassword(String email, String password) {
        @Override
        public String toString() {
            return "EmailPassword[" + email + ", ***]";
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "E-mail and password (confirmation and reset modes in the config).";
    }

    @Override
    public ProviderSettings settings() {
        return SETTINGS;
    }

    @Override
    public EmailPassword credentials(RequestFields body) {
        String username = UserpassInput.plainField(body, "username", UserpassInput.MAX_EMAIL);
        String password = UserpassInput.field(body, "password");
        return new EmailPassword(username.trim().toLowerCase(Locale.ROOT), password);
    }

    @Override
    public Authenticator<EmailPassword> authenticator(ProviderContext context) {
        return new UserpassLogin(context.service(UserpassStore.class), context.users(),
                context.service(PasswordHasher.class), context.throttle());
    }

    @Override
    public Optional<ImportedSettings> fromAppServices(AppServicesProvider exported) {
        return Optional.of(UserpassImport.map(exported));
    }
}
