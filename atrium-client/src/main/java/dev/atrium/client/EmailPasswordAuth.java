package dev.atrium.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The e-mail/password provider's own routes (docs/client-api.md, E-mail/password routes): no user, no token; any 2xx is success and
 * refusals are {@link ServiceException}s ({@code AccountNameInUse}, {@code UserpassTokenInvalid},
 * {@code BadRequest}, {@code TooManyRequests}…). By default an Atrium server answers the token
 * requests (resend, retry, reset mail) alike whether the address has an account or not; an app
 * that reveals unknown addresses answers {@code UserNotFound} and {@code UserAlreadyConfirmed}.
 * Logging in is {@code app.login(Credentials.emailPassword(…))}. Thread-safe.
 */
public final class EmailPasswordAuth {
    private final AppCore core;

    EmailPasswordAuth(AppCore core) {
        this.core = core;
    }

    /** Registers {@code email}; the account must then be confirmed before it can log in. */
    public void registerUser(String email, String password) {
        post("register", "email", email, "password", password);
    }

    /** Confirms a registration with the token and token id the confirmation mail carried. */
    public void confirmUser(String token, String tokenId) {
        post("confirm", "token", token, "tokenId", tokenId);
    }

    /** Sends the confirmation mail again. */
    public void resendConfirmationEmail(String email) {
        post("confirm/send", "email", email);
    }

    /** Runs the app's custom confirmation function again. */
    public void retryCustomConfirmation(String email) {
        post("confirm/call", "email", email);
    }

    /** Sends a password-reset mail. */
    public void sendResetPasswordEmail(String email) {
        post("reset/send", "email", email);
    }

    /** Sets a new password with the token and token id of the reset mail. */
    public void resetPassword(String token, String tokenId, String newPassword) {
        post("reset", "password", newPassword, "token", token, "tokenId", tokenId);
    }

    /** Runs the app's reset function with {@code arguments}. */
    public void callResetPasswordFunction(String email, String newPassword, Object... arguments) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", Objects.requireNonNull(email, "email"));
        body.put("password", Objects.requireNonNull(newPassword, "newPassword"));
        body.put("arguments", List.of(arguments));
        core.api.emailPassword("reset/call", body);
    }

    private void post(String suffix, String... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put(namesAndValues[i], Objects.requireNonNull(namesAndValues[i + 1], namesAndValues[i]));
        }
        core.api.emailPassword(suffix, body);
    }
}
