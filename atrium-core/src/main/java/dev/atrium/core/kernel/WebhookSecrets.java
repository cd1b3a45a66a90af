package dev.atrium.core.kernel;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What a configured webhook secret means as an HMAC key, the one rule shared by the settings
 * checks and the server's signer. Webhooks are signed per the Standard Webhooks specification
 * (standardwebhooks.com), whose libraries take a secret {@code whsec_<base64>} and sign with the
 * decoded bytes; Atrium does the same, so the string an operator configures is the string the
 * receiver gives its library. A secret without the prefix (saved before this rule, or chosen by
 * hand) keeps working: its UTF-8 bytes are the key, which the libraries accept as raw bytes.
 */
public final class WebhookSecrets {
    public static final String PREFIX = "whsec_";
    /** The specification's bounds for a secret's key (it recommends 24 to 64 bytes). */
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;

    private WebhookSecrets() {}

    /** The HMAC-SHA256 key of {@code secret}: the decoded bytes of a {@code whsec_} secret, else its UTF-8 bytes. */
    public static byte[] key(String secret) {
        if (secret.startsWith(PREFIX)) {
            try {
                return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            } catch (IllegalArgumentException e) {
                // refused when configured (check); one stored by hand signs with its text rather than not at all
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * IllegalArgumentException naming {@code setting} when a {@code whsec_} secret is not the
     * base64 of 24 to 64 bytes (a receiver's library would refuse or misread it).
     */
    public static void check(String setting, String secret) {
        if (!secret.startsWith(PREFIX)) {
            return;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " starting with " + PREFIX + " must be followed by base64");
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException(setting + " starting with " + PREFIX + " must be the base64 of "
                    + MIN_BYTES + " to " + MAX_BYTES + " bytes");
        }
    }
}
