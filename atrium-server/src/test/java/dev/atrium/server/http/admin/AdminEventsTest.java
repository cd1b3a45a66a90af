package dev.atrium.server.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import dev.atrium.server.testing.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API's events: by state and type, the webhook's failures with its last error, and the
 * retry of failed deliveries, against a real receiver that first fails, then accepts.
 */
class AdminEventsTest {
    @TempDir
    Path dir;

    @Test
    void failedDeliveriesShowTheWebhooksErrorAndARetryDeliversThemOnceTheReceiverIsBack() throws Exception {
        try (TestServer server = TestServer.sqlite(dir); WebhookReceiver hook = new WebhookReceiver()) {
            String token = Files.readString(dir.resolve("admin-token")).trim();
            String app = server.baseUrl() + "/api/admin/v1/apps/" + server.appId();
            hook.answer(500, "{}");
            Http.send("PATCH", app + "/settings", token, "{\"webhook_url\":\"" + hook.url() + "\"}");
            String guest = server.guestLogin().get("user_id").asText();

            JsonNode failed = await(() -> Http.send("GET", app + "/events?state=failed", token, null).json(),
                    list -> list.size() > 0);
            JsonNode webhook = Http.send("GET", app + "/events/webhook", token, null).json();

            assertThat(failed.get(0).get("user_id").asText()).isEqualTo(guest);
            assertThat(failed.get(0).get("last_error").asText()).contains("500");
            assertThat(webhook.get("webhook_url").asText()).isEqualTo(hook.url());
            assertThat(webhook.get("failing").asLong()).isEqualTo(failed.size());
            assertThat(webhook.get("last_error").asText()).contains("500");
            assertThat(Http.send("GET", app + "/events?state=delivered", token, null).json()).isEmpty();
            assertThat(Http.send("GET", app + "/events?type=user.deleted", token, null).json()).isEmpty();
            assertThat(Http.send("GET", app + "/events?type=user.created&state=pending", token, null).json()).isNotEmpty();

            hook.answer(204, "");
            Http.Reply retry = Http.send("POST", app + "/events/retry", token, null);
            assertThat(retry.status()).isEqualTo(200);
            assertThat(retry.json().get("retried").asLong()).isGreaterThanOrEqualTo(1);
            JsonNode delivered = await(() -> Http.send("GET", app + "/events?state=delivered", token, null).json(),
                    list -> list.size() > 0);
            assertThat(delivered.get(0).get("user_id").asText()).isEqualTo(guest);
            assertThat(Http.send("GET", app + "/events/webhook", token, null).json().get("failing").asLong()).isZero();
        }
    }

    /** Polls {@code read} until {@code done} (the delivery pass runs every event-poll, 1 s); fails after 20 s. */
    private static JsonNode await(java.util.function.Supplier<JsonNode> read, Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        JsonNode last = read.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened; last answer " + last);
            }
            Thread.sleep(100);
            last = read.get();
        }
        return last;
    }
}
