package dev.atrium.server.delivery;

import dev.atrium.core.kernel.WebhookSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of every webhook Atrium sends (lifecycle events, local-userpass calls, and any
 * other call to an app's endpoint): the Standard Webhooks specification (standardwebhooks.com),
 * so a receiver verifies it with that specification's library in its language. Three headers:
 * {@code webhook-id} (the message id, the same on every retry of one message: receivers drop
 * duplicates by it), {@code webhook-timestamp} (unix seconds: receivers refuse old ones, replays)
 * and {@code webhook-signature}: {@code v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>")>},
 * the key being the secret's ({@link WebhookSecrets#key}).
 */
public final class WebhookSignature {
    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {}

    /**
     * The headers of message {@code id} carrying {@code body}, sent at {@code timestamp} (unix
     * seconds); without a secret (an app that set none) only the id and timestamp.
     */
    public static Map<String, String> headers(String secret, String id, long timestamp, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, id);
        headers.put(TIMESTAMP, Long.toString(timestamp));
        if (secret != null && !secret.isEmpty()) {
            headers.put(SIGNATURE, sign(WebhookSecrets.key(secret), id, timestamp, body));
        }
        return headers;
    }

    /** A new message id for a call that is never retried as the same message: {@code msg_} and 128 random bits. */
    public static String newMessageId() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** {@code v1,<base64 HMAC-SHA256>} of {@code "<id>.<timestamp>.<body>"}. */
    static String sign(byte[] key, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }
}
