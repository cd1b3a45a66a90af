package dev.atrium.server.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of every webhook Atrium sends (lifecycle events and local-userpass calls alike):
 * {@code X-Atrium-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>}. The
 * timestamp inside the MAC lets a receiver refuse replays; README shows a receiver.
 */
public final class WebhookSignature {
    public static final String HEADER = "X-Atrium-Signature";

    private WebhookSignature() {}

    /** The header's value for {@code body} sent at {@code t}. */
    public static String header(String secret, long t, byte[] body) {
        return "t=" + t + ",v1=" + sign(secret, t, body);
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
