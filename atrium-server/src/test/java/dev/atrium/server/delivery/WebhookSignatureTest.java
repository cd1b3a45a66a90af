package dev.atrium.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    /** The example the Standard Webhooks libraries test against (secret, message id, timestamp, body, signature). */
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void headersOfTheSpecificationsExampleCarryItsSignature() {
        Map<String, String> headers = WebhookSignature.headers(SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, BODY);

        assertThat(headers).containsExactly(
                Map.entry("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"),
                Map.entry("webhook-timestamp", "1614265330"),
                Map.entry("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    }

    @Test
    void withoutASecretOnlyTheIdAndTimestampAreSent() {
        assertThat(WebhookSignature.headers(null, "evt_1", 1614265330, BODY)).containsOnlyKeys("webhook-id", "webhook-timestamp");
        assertThat(WebhookSignature.headers("", "evt_1", 1614265330, BODY)).containsOnlyKeys("webhook-id", "webhook-timestamp");
    }

    @Test
    void messageIdsAreNewEveryTime() {
        assertThat(WebhookSignature.newMessageId()).matches("msg_[A-Za-z0-9_-]{22}").isNotEqualTo(WebhookSignature.newMessageId());
    }
}
