package dev.atrium.server.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.core.events.EventSink;
import dev.atrium.core.events.UserEvent;
import dev.atrium.server.outbound.AnswerLimit;
import dev.atrium.server.outbound.Outbound;
import dev.atrium.server.outbound.OutboundException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POSTs lifecycle events to an app's webhook through {@link Outbound} (its answer cap, deadline,
 * no redirects), signed ({@link WebhookSignature}) with the event's {@code evt_<seq>} as the
 * message id, the same on every retry, to drop duplicates by (delivery is at least once), and
 * {@code X-Atrium-Event: <type>}. Unsigned when the app has no secret. Any 2xx is
 * accepted; the failure text is kept as the event's {@code last_error}, which only the admin API shows.
 */
public final class SignedEventSink implements EventSink {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Outbound outbound;
    private final Clock clock;

    public SignedEventSink(Outbound outbound, Clock clock) {
        this.outbound = outbound;
        this.clock = clock;
    }

    @Override
    public void deliver(String url, String secret, UserEvent event) throws DeliveryException {
        byte[] body = body(event);
        Map<String, String> headers = new LinkedHashMap<>(
                WebhookSignature.headers(secret, event.deliveryId(), clock.instant().getEpochSecond(), body));
        headers.put("X-Atrium-Event", event.type());
        try {
            Outbound.Answer answer = outbound.post(url, headers, body, AnswerLimit.WEBHOOK);
            if (!answer.ok()) {
                throw new DeliveryException("HTTP " + answer.status());
            }
        } catch (OutboundException e) {
            throw new DeliveryException(e.failure() + ": " + e.getMessage());
        }
    }

    /** The JSON body of an event, as receivers get it. */
    static byte[] body(UserEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.deliveryId());
        m.put("type", e.type());
        m.put("app_id", e.appId());
        m.put("user_id", e.userId());
        m.put("occurred_at", e.createdAt().toString());
        if (e.type().equals(UserEvent.MERGED)) {
            // docs/events.md, user.merged: the guest (also user_id, by which events are ordered) and the user it became.
            m.put("from", e.userId());
            m.put("into", e.intoUserId());
        }
        m.put(e.type().equals(UserEvent.DELETED) ? "reason" : "provider", e.detail());
        try {
            return JSON.writeValueAsBytes(m);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
