package dev.atrium.server.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.server.outbound.AnswerLimit;
import dev.atrium.server.outbound.Outbound;
import dev.atrium.server.outbound.OutboundException;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;

/**
 * POSTs JSON to an app's local-userpass endpoint through {@link Outbound}, signed like the event
 * webhooks ({@link WebhookSignature}) with the provider's {@code webhook_secret}, and reads its
 * JSON answer (at most {@link AnswerLimit#WEBHOOK}). Anything but a 2xx is DeliveryFailed; the
 * failure's text is for the log (ErrorMapper never shows a DeliveryFailed's text to the caller).
 */
public final class Webhook {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Outbound outbound;
    private final Clock clock;

    public Webhook(Outbound outbound, Clock clock) {
        this.outbound = outbound;
        this.clock = clock;
    }

    /** The parsed answer ({@code {}} when empty or not JSON). */
    JsonNode post(String url, String secret, Map<String, Object> payload) {
        byte[] body = bytes(payload);
        Map<String, String> headers = WebhookSignature.headers(secret, WebhookSignature.newMessageId(),
                clock.instant().getEpochSecond(), body);
        Outbound.Answer answer;
        try {
            answer = outbound.post(url, headers, body, AnswerLimit.WEBHOOK);
        } catch (OutboundException e) {
            throw new AuthException(ErrorCode.DeliveryFailed, "webhook " + e.failure() + ": " + e.getMessage());
        }
        if (!answer.ok()) {
            throw new AuthException(ErrorCode.DeliveryFailed, "webhook answered HTTP " + answer.status());
        }
        try {
            return answer.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(answer.body());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static byte[] bytes(Map<String, Object> payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
