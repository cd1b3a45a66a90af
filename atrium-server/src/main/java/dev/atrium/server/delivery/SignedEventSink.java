package dev.atrium.server.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.core.events.EventSink;
import dev.atrium.core.events.UserEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs lifecycle events to an app's webhook, signed: {@code X-Atrium-Signature: t=<unix
 * seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>} (the timestamp inside the MAC lets a
 * receiver refuse replays), {@code X-Atrium-Delivery: evt_<seq>} to drop duplicates (delivery is at
 * least once), {@code X-Atrium-Event: <type>}. Any 2xx is accepted.
 */
public final class SignedEventSink implements EventSink {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Clock clock;

    public SignedEventSink(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void deliver(String url, String secret, UserEvent event) throws DeliveryException {
        byte[] body = body(event);
        long t = clock.instant().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-Atrium-Delivery", event.deliveryId())
                .header("X-Atrium-Event", event.type())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null && !secret.isEmpty()) {
            request.header("X-Atrium-Signature", "t=" + t + ",v1=" + sign(secret, t, body));
        }
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryException("HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new DeliveryException(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted");
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
        m.put(e.type().equals(UserEvent.DELETED) ? "reason" : "provider", e.detail());
        try {
            return JSON.writeValueAsBytes(m);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Hex HMAC-SHA256 of {@code "<t>.<body>"}; receivers compute the same and compare in constant time. */
    public static String sign(String secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }
}
