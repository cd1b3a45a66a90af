package dev.atrium.interop;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.server.testing.HostileReceiver;
import dev.atrium.server.testing.NodeTestRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atrium's webhooks verified by the Standard Webhooks specification's Node library (npm
 * {@code standardwebhooks}) with the README's receiver code: {@code sdk-tests/verifiers/standardwebhooks.test.mjs},
 * and the README's receiver of a merge, read from the README itself: {@code sdk-tests/verifiers/merge-receiver.test.mjs}.
 * Needs {@code node} (20+) and {@code npm ci} in {@code sdk-tests/verifiers} (./run-tests does it).
 */
class StandardWebhooksNodeTest {
    @TempDir
    Path dir;

    @Test
    void readmeReceiverAcceptsEventAndUserpassDeliveriesAndRefusesTamperedOnes() throws Exception {
        NodeTestRunner node = NodeTestRunner.requireInstalled("verifiers", "standardwebhooks", "1.1.1");
        List<HostileReceiver.Request> deliveries = WebhookDeliveries.capture(dir);

        List<Map<String, Object>> captured = deliveries.stream()
                .map(d -> Map.<String, Object>of("headers", WebhookDeliveries.headers(d),
                        "body", new String(d.body(), StandardCharsets.UTF_8)))
                .toList();
        node.runPassing(null, Map.of("ATRIUM_WEBHOOK_SECRET", WebhookDeliveries.SECRET,
                "ATRIUM_WEBHOOK_DELIVERIES", new ObjectMapper().writeValueAsString(captured)), 60, "standardwebhooks.test.mjs");
    }

    @Test
    void readmeMergeReceiverMovesTheGuestsDataOnRealDeliveries() throws Exception {
        NodeTestRunner node = NodeTestRunner.requireInstalled("verifiers", "standardwebhooks", "1.1.1");
        WebhookDeliveries.Merge merge = WebhookDeliveries.captureMerge(dir);

        List<Map<String, Object>> captured = merge.deliveries().stream()
                .map(d -> Map.<String, Object>of("headers", WebhookDeliveries.headers(d),
                        "body", new String(d.body(), StandardCharsets.UTF_8)))
                .toList();
        node.runPassing(null, Map.of("ATRIUM_WEBHOOK_SECRET", WebhookDeliveries.SECRET,
                "ATRIUM_WEBHOOK_DELIVERIES", new ObjectMapper().writeValueAsString(captured),
                "ATRIUM_GUEST_ID", merge.guestId(), "ATRIUM_HOLDER_ID", merge.holderId()), 60, "merge-receiver.test.mjs");
    }
}
