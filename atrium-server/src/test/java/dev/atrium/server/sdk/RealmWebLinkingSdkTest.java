package dev.atrium.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the official {@code realm-web} 2.0.1 npm package under Node against a real Atrium server on
 * SQLite for the lasting identities: linking a guest to email/password credentials
 * ({@code linking.test.mjs}), the email/password flows ({@code email-password.test.mjs}), user
 * API keys ({@code api-keys.test.mjs}) and sessions ended elsewhere (an admin revoke, a password
 * reset, an admin disable: {@code sessions.test.mjs}), all in {@code sdk-tests/realm-web} with helpers in
 * {@code support.mjs}. Confirmation and reset run in {@code webhook} mode
 * against a {@link TokenWebhook}, from which the scenarios fetch their tokens over HTTP
 * ({@code ATRIUM_WEBHOOK_RECEIVER}).
 */
@Tag("external")
class RealmWebLinkingSdkTest {
    @TempDir
    Path dir;

    @Test
    void realmWebEmailPasswordApiKeyAndLinkingFlowsPassAgainstRunningServer() throws Exception {
        RealmWebNode node = RealmWebNode.requireInstalled();
        try (TestServer server = TestServer.sqlite(dir); TokenWebhook webhook = TokenWebhook.start()) {
            enable(server, "local-userpass", Map.of(
                    "confirmation", "webhook",
                    "reset", "webhook",
                    "webhook_url", webhook.hookUrl(),
                    "webhook_secret", "realm-web-hook-secret"));
            enable(server, "api-key", Map.of());
            // One Node process plays every client from one address: the per-network limits
            // (PasswordGuessingTest and kin test them) would cut these flows short.
            dev.atrium.server.app.Atrium.appAdmin(server.atrium.store(), java.time.Clock.systemUTC()).patchSettings(
                    server.appId(), Map.of("network_burst", 10_000, "network_rate_per_minute", 100_000));

            node.runPassing(server, Map.of("ATRIUM_WEBHOOK_RECEIVER", webhook.baseUrl(),
                            "ATRIUM_ADMIN_TOKEN", Files.readString(dir.resolve("admin-token")).trim()),
                    "linking.test.mjs", "email-password.test.mjs", "api-keys.test.mjs", "sessions.test.mjs");

            assertThat(webhook.received())
                    .as("the server delivered confirmation, reset and reset-function payloads to the webhook")
                    .extracting(p -> p.path("type").asText())
                    .contains("confirm", "reset", "reset_function");
        }
    }

    /** Enables provider {@code type} on the server's first app with {@code config}, creating it if needed. */
    private static void enable(TestServer server, String type, Map<String, Object> config) {
        var apps = server.atrium.store().apps();
        String appId = server.appId();
        String id = apps.providers(appId).stream()
                .filter(p -> p.type().equals(type))
                .map(ProviderConfig::id)
                .findFirst()
                .orElseGet(() -> ObjectIds.next(Instant.now()));
        apps.saveProvider(new ProviderConfig(id, appId, type, true, config));
    }
}
