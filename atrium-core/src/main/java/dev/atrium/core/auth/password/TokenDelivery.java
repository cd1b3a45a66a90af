package dev.atrium.core.auth.password;

/**
 * Gets a confirmation or reset token to its user, over the channel the app configured (e-mail
 * or the app's webhook). Implementations live at the edge (SMTP, HTTP); failures throw
 * AuthException, and the pending token is then not stored.
 */
public interface TokenDelivery {

    /** What the token is for. */
    enum Purpose { CONFIRM, RESET }

    /** The answer of the app's reset function (docs/client-api.md, E-mail/password routes {@code reset/call}). */
    enum ResetDecision { SUCCESS, PENDING, FAIL }

    /** Sends {@code token}/{@code tokenId} for {@code email} by {@code channel} ({@code email} or {@code webhook}). */
    void send(String appId, UserpassSettings settings, String channel, Purpose purpose, String email, String token,
              String tokenId);

    /**
     * Asks the app's reset webhook whether to reset now: it receives email, token, tokenId and the
     * client's {@code arguments} (never the new password; a plain JSON value as {@link
     * dev.atrium.core.kernel.RequestFields#value} gives it, null when absent) and answers {@code {"status": "success" | "pending" | "fail"}}.
     */
    ResetDecision callReset(String appId, UserpassSettings settings, String email, String token, String tokenId,
                            Object arguments);
}
