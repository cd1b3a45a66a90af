package dev.atrium.server.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.api.ErrorCode;
import dev.atrium.core.auth.password.TokenDelivery;
import dev.atrium.core.auth.password.UserpassSettings;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.server.outbound.Outbound;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Delivers email/password tokens over the channel an app configured: SMTP ({@link SmtpMailer})
 * or the app's webhook ({@link Webhook}, signed with the provider's {@code webhook_secret}), both
 * through the server's {@link Outbound} limits. A failed delivery is DeliveryFailed (502, a fixed
 * text for the caller, the reason in the log) and the caller stores nothing.
 */
public final class EdgeDelivery implements TokenDelivery {
    private final Webhook webhook;
    private final SmtpMailer mailer;

    public EdgeDelivery(Outbound outbound, Clock clock) {
        this.webhook = new Webhook(outbound, clock);
        this.mailer = new SmtpMailer(outbound);
    }

    @Override
    public void send(String appId, UserpassSettings settings, String channel, Purpose purpose, String email, String token,
                     String tokenId) {
        Map<String, Object> d = settings.delivery();
        if (channel.equals(UserpassSettings.WEBHOOK)) {
            webhook.post(url(d, UserpassSettings.WEBHOOK_URL), secret(settings),
                    Map.of("type", purpose == Purpose.CONFIRM ? "confirm" : "reset", "app_id", appId, "email", email,
                            "username", email, "token", token, "tokenId", tokenId));
            return;
        }
        String base = url(d, purpose == Purpose.CONFIRM ? "confirm_url" : "reset_url");
        String link = base + (base.contains("?") ? "&" : "?") + "token=" + enc(token) + "&tokenId=" + enc(tokenId);
        String subject = purpose == Purpose.CONFIRM ? "Confirm your email address" : "Reset your password";
        String text = (purpose == Purpose.CONFIRM
                ? "Confirm the email address of your account by opening this link:\n\n"
                : "Someone asked to reset the password of your account. If it was you, open this link:\n\n")
                + link + "\n\nIf you did not ask for this, ignore this message.\n";
        mailer.send(smtp(d), email, subject, text);
    }

    @Override
    public ResetDecision callReset(String appId, UserpassSettings settings, String email, String token, String tokenId,
                                   Object arguments) {
        Map<String, Object> payload = new java.util.LinkedHashMap<>(Map.of("type", "reset_function", "app_id", appId,
                "email", email, "token", token, "tokenId", tokenId));
        payload.put("arguments", arguments); // null when the client sent none: "arguments": null, as before
        JsonNode answer = webhook.post(url(settings.delivery(), UserpassSettings.WEBHOOK_URL), secret(settings), payload);
        return switch (answer.path("status").asText("")) {
            case "success" -> ResetDecision.SUCCESS;
            case "pending" -> ResetDecision.PENDING;
            case "fail" -> ResetDecision.FAIL;
            default -> throw new AuthException(ErrorCode.DeliveryFailed,
                    "the reset function must answer {\"status\": \"success\" | \"pending\" | \"fail\"}");
        };
    }

    private static String url(Map<String, Object> d, String key) {
        if (d.get(key) instanceof String s && (s.startsWith("http://") || s.startsWith("https://"))) {
            return s;
        }
        throw new AuthException(ErrorCode.BadRequest, "local-userpass provider has no " + key + " configured");
    }

    /** A configuration saved before webhook_secret was required has none: nothing unsigned is sent. */
    private static String secret(UserpassSettings settings) {
        String secret = settings.webhookSecret();
        if (secret == null) {
            throw new AuthException(ErrorCode.BadRequest, "local-userpass provider has no "
                    + UserpassSettings.WEBHOOK_SECRET + " configured");
        }
        return secret;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> smtp(Map<String, Object> d) {
        if (d.get("smtp") instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new AuthException(ErrorCode.BadRequest, "local-userpass provider has no smtp settings configured");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
