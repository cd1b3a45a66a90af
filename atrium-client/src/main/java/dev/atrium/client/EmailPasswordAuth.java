package dev.atrium.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The e-mail/password provider's own routes : no user, no token; any 2xx is success and
 * refusals are {@link ServiceException}s ({@link UserAlreadyExistsException}, {@code UserpassTokenInvalid},
 * {@code BadRequest}, {@code TooManyRequests}…). By default an Atrium server answers the token
 * requests (resend, retry, reset mail) alike whether the address has an account or not; an app
 * that reveals unknown addresses answers {@code UserNotFound} and {@code UserAlreadyConfirmed}.
 * Logging in is {@code app.login(Credentials.emailPassword(…))}. Each call has an
 * {@code …Async} form on the App's executor. Thread-safe.
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

    /** {@link #registerUser} on the App's executor. */
    public CompletableFuture<Void> registerUserAsync(String email, String password) {
        return core.asyncRun(() -> registerUser(email, password));
    }

    /** Confirms a registration with the token and token id the confirmation mail carried. */
    public void confirmUser(String token, String tokenId) {
        post("confirm", "token", token, "tokenId", tokenId);
    }

    /** {@link #confirmUser} on the App's executor. */
    public CompletableFuture<Void> confirmUserAsync(String token, String tokenId) {
        return core.asyncRun(() -> confirmUser(token, tokenId));
    }

    /** Sends the confirmation mail again. */
    public void resendConfirmationEmail(String email) {
        post("confirm/send", "email", email);
    }

    /** {@link #resendConfirmationEmail} on the App's executor. */
    public CompletableFuture<Void> resendConfirmationEmailAsync(String email) {
        return core.asyncRun(() -> resendConfirmationEmail(email));
    }

    /** Runs the app's custom confirmation function again. */
    public void retryCustomConfirmation(String email) {
        post("confirm/call", "email", email);
    }

    /** {@link #retryCustomConfirmation} on the App's executor. */
    public CompletableFuture<Void> retryCustomConfirmationAsync(String email) {
        return core.asyncRun(() -> retryCustomConfirmation(email));
    }

    /** Sends a password-reset mail. */
    public void sendResetPasswordEmail(String email) {
        post("reset/send", "email", email);
    }

    /** {@link #sendResetPasswordEmail} on the App's executor. */
    public CompletableFuture<Void> sendResetPasswordEmailAsync(String email) {
        return core.asyncRun(() -> sendResetPasswordEmail(email));
    }

    /** Sets a new password with the token and token id of the reset mail. */
    public void resetPassword(String token, String tokenId, String newPassword) {
        post("reset", "password", newPassword, "token", token, "tokenId", tokenId);
    }

    /** {@link #resetPassword} on the App's executor. */
    public CompletableFuture<Void> resetPasswordAsync(String token, String tokenId, String newPassword) {
        return core.asyncRun(() -> resetPassword(token, tokenId, newPassword));
    }

    /** Runs the app's reset function with {@code arguments}. */
    public void callResetPasswordFunction(String email, String newPassword, Object... arguments) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", Args.required(email, "email"));
        body.put("password", Args.required(newPassword, "newPassword"));
        body.put("arguments", List.of(Args.required(arguments, "arguments")));
        core.api.emailPassword("reset/call", body);
    }

    /** {@link #callResetPasswordFunction} on the App's executor. */
    public CompletableFuture<Void> callResetPasswordFunctionAsync(String email, String newPassword, Object... arguments) {
        return core.asyncRun(() -> callResetPasswordFunction(email, newPassword, arguments));
    }

    private void post(String suffix, String... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put(namesAndValues[i], Args.required(namesAndValues[i + 1], namesAndValues[i]));
        }
        core.api.emailPassword(suffix, body);
    }
}
