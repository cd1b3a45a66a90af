package dev.atrium.client.e2e;

import dev.atrium.client.App;
import dev.atrium.client.Credentials;
import dev.atrium.client.User;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.kernel.ObjectIds;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Lasting identities for one test: enables {@code local-userpass} (confirmation by webhook, so the
 * test receives the token) and {@code api-key} on the server's app, and registers and confirms
 * accounts through the SDK.
 */
final class Accounts {
    static final String PASSWORD = "correct-horse-1";

    private final Fixture fixture;
    private final TokenWebhook webhook;

    Accounts(Fixture fixture) {
        this.fixture = fixture;
        this.webhook = fixture.track(new TokenWebhook());
        enable(Credentials.EMAIL_PASSWORD, Map.of("confirmation", "webhook", "webhook_url", webhook.url(),
                "webhook_secret", "sdk-e2e-hook-secret"));
        enable(Credentials.API_KEY, Map.of());
    }

    /** A fresh address per call, so tests never collide. */
    static String newEmail() {
        return "u" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private void enable(String type, Map<String, Object> config) {
        fixture.server.store().apps().saveProvider(new ProviderConfig(ObjectIds.next(Instant.now()), fixture.server.appId(),
                type, true, config));
    }

    /** Registers and confirms {@code email} with the token the webhook received. */
    void registerAndConfirm(App app, String email) {
        app.emailPasswordAuth().registerUser(email, PASSWORD);
        TokenWebhook.Confirmation confirmation = webhook.confirmationFor(email);
        app.emailPasswordAuth().confirmUser(confirmation.token(), confirmation.tokenId());
    }

    /** A new confirmed e-mail user, logged in on {@code app}. */
    User emailUser(App app) {
        String email = newEmail();
        registerAndConfirm(app, email);
        return app.login(Credentials.emailPassword(email, PASSWORD));
    }
}
