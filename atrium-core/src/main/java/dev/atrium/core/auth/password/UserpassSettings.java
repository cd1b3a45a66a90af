package dev.atrium.core.auth.password;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.HttpUrls;
import dev.atrium.core.kernel.WebhookSecrets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code local-userpass} provider's per-app configuration, read from its config JSON.
 *
 * @param confirmation {@code auto} (default: accounts are confirmed at registration), {@code email}
 *     (a link is mailed) or {@code webhook} (the app's endpoint receives {@code token} and {@code tokenId})
 * @param reset {@code email}, {@code webhook} or {@code none} (reset/send refused)
 * @param delivery what the delivery channel needs: {@code webhook_url} and {@code webhook_secret}
 *     (signs every call: {@code WebhookSecrets}), {@code smtp} settings,
 *     {@code confirm_url} and {@code reset_url} link templates
 * @param unknownEmail how {@code confirm/send}, {@code confirm/call}, {@code reset/send} and
 *     {@code reset/call} answer for an e-mail with no account: {@link UnknownEmail#SAME_ANSWER} by
 *     default, {@link UnknownEmail#USER_NOT_FOUND} with {@code "reveal_unknown_email": true}
 */
public record UserpassSettings(String confirmation, String reset, Duration tokenLifetime, Map<String, Object> delivery,
                               UnknownEmail unknownEmail) {
    public static final String AUTO = "auto";
    public static final String EMAIL = "email";
    public static final String WEBHOOK = "webhook";
    public static final String NONE = "none";
    public static final String WEBHOOK_URL = "webhook_url";
    /** Write-only: the admin API never shows it, only whether it is set. */
    public static final String WEBHOOK_SECRET = "webhook_secret";

    /** The answer to a token request for an e-mail with no account. */
    public enum UnknownEmail {
        /**
         * The answer a known e-mail gets, with nothing sent; the work that differs (lookup, message)
         * happens after the answer, so its timing says nothing either: no account enumeration.
         */
        SAME_ANSWER,
        /** App Services' answer, 404 UserNotFound, for apps that want it; delivery happens before the answer. */
        USER_NOT_FOUND
    }

    /** Reads the config; unknown modes are a configuration error answered as BadRequest. */
    public static UserpassSettings from(Map<String, Object> config) {
        String confirmation = String.valueOf(config.getOrDefault("confirmation", AUTO));
        String reset = String.valueOf(config.getOrDefault("reset", defaultReset(config)));
        if (!(confirmation.equals(AUTO) || confirmation.equals(EMAIL) || confirmation.equals(WEBHOOK))) {
            throw new AuthException(ErrorCode.BadRequest, "local-userpass confirmation must be auto, email or webhook");
        }
        if (!(reset.equals(EMAIL) || reset.equals(WEBHOOK) || reset.equals(NONE))) {
            throw new AuthException(ErrorCode.BadRequest, "local-userpass reset must be email, webhook or none");
        }
        Object ttl = config.get("token_lifetime_s");
        Duration lifetime = ttl instanceof Number n ? Duration.ofSeconds(n.longValue()) : Duration.ofMinutes(30);
        Object reveal = config.getOrDefault("reveal_unknown_email", false);
        if (!(reveal instanceof Boolean)) {
            throw new AuthException(ErrorCode.BadRequest, "local-userpass reveal_unknown_email must be true or false");
        }
        return new UserpassSettings(confirmation, reset, lifetime, config,
                (Boolean) reveal ? UnknownEmail.USER_NOT_FOUND : UnknownEmail.SAME_ANSWER);
    }

    /**
     * The rules an operator's configuration must pass before it is stored (IllegalArgumentException
     * naming every problem): a {@code webhook_url} is an http(s) URL, and webhook confirmation or
     * reset needs both a {@code webhook_url} and a {@code webhook_secret}, so every call is signed.
     * Not applied to stored configurations at request time: one saved before these rules keeps
     * its logins working and fails only the delivery that lacks something.
     */
    public static void checkConfiguration(Map<String, Object> config) {
        UserpassSettings s = from(config);
        boolean webhook = s.confirmation().equals(WEBHOOK) || s.reset().equals(WEBHOOK);
        List<String> problems = new ArrayList<>();
        Object url = config.get(WEBHOOK_URL);
        if (url instanceof String u) {
            try {
                HttpUrls.parse(WEBHOOK_URL, u);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        } else if (url != null) {
            problems.add(WEBHOOK_URL + " must be a string");
        } else if (webhook) {
            problems.add(WEBHOOK_URL + " is required when confirmation or reset is webhook");
        }
        Object secret = config.get(WEBHOOK_SECRET);
        if (secret != null && !(secret instanceof String text && !text.isEmpty())) {
            problems.add(WEBHOOK_SECRET + " must be a non-empty string");
        } else if (secret == null && webhook) {
            problems.add(WEBHOOK_SECRET + " is required when confirmation or reset is webhook (it signs every call)");
        } else if (secret instanceof String text) {
            try {
                WebhookSecrets.check(WEBHOOK_SECRET, text);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The key that signs webhook calls, or null when none is configured. */
    public String webhookSecret() {
        return delivery.get(WEBHOOK_SECRET) instanceof String secret && !secret.isEmpty() ? secret : null;
    }

    private static String defaultReset(Map<String, Object> config) {
        if (config.containsKey("smtp")) {
            return EMAIL;
        }
        return config.containsKey(WEBHOOK_URL) ? WEBHOOK : NONE;
    }
}
