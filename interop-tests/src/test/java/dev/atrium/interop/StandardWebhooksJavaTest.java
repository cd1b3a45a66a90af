package dev.atrium.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import dev.atrium.server.testing.HostileReceiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atrium's webhooks (a lifecycle event, a local-userpass call) verified by the Standard Webhooks
 * specification's own Java library ({@code com.standardwebhooks:standardwebhooks}), given the
 * secret exactly as configured in Atrium; a changed body, id or timestamp, or another secret, is refused.
 */
class StandardWebhooksJavaTest {
    @TempDir
    Path dir;

    @Test
    void eventAndUserpassDeliveriesVerifyWithTheLibraryAndTamperedOnesDoNot() throws Exception {
        List<HostileReceiver.Request> deliveries = WebhookDeliveries.capture(dir);
        Webhook receiver = new Webhook(WebhookDeliveries.SECRET);

        for (HostileReceiver.Request d : deliveries) {
            String body = new String(d.body(), StandardCharsets.UTF_8);
            Map<String, String> headers = WebhookDeliveries.headers(d);

            receiver.verify(body, lists(headers));

            assertThatThrownBy(() -> receiver.verify(body.replace("\"", "'"), lists(headers)))
                    .as("a changed body").isInstanceOf(WebhookVerificationException.class);
            assertThatThrownBy(() -> receiver.verify(body, lists(with(headers, "webhook-id", "msg_other"))))
                    .as("another message id").isInstanceOf(WebhookVerificationException.class);
            long t = Long.parseLong(headers.get("webhook-timestamp"));
            assertThatThrownBy(() -> receiver.verify(body, lists(with(headers, "webhook-timestamp", Long.toString(t + 1)))))
                    .as("another timestamp").isInstanceOf(WebhookVerificationException.class);
            assertThatThrownBy(() -> new Webhook("whsec_" + "A".repeat(43) + "=").verify(body, lists(headers)))
                    .as("another secret").isInstanceOf(WebhookVerificationException.class);
        }
        assertThat(deliveries.get(0).header("webhook-id")).startsWith("evt_");
        assertThat(deliveries.get(1).header("webhook-id")).startsWith("msg_");
    }

    @Test
    void secretWithoutTheWhsecPrefixSignsWithItsTextWhichTheLibraryTakesAsRawBytes() throws Exception {
        String secret = "a-long-random-string-set-before-standard-webhooks";
        List<HostileReceiver.Request> deliveries = WebhookDeliveries.capture(dir, secret);

        for (HostileReceiver.Request d : deliveries) {
            new Webhook(secret.getBytes(StandardCharsets.UTF_8))
                    .verify(new String(d.body(), StandardCharsets.UTF_8), lists(WebhookDeliveries.headers(d)));
        }
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> changed = new HashMap<>(headers);
        changed.put(name, value);
        return changed;
    }

    private static Map<String, List<String>> lists(Map<String, String> headers) {
        Map<String, List<String>> m = new HashMap<>();
        headers.forEach((k, v) -> m.put(k, List.of(v)));
        return m;
    }
}
