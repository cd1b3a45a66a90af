package dev.atrium.core.redirect;

import java.time.Instant;

/**
 * A web sign-in under way: what Atrium must remember between sending the browser to the provider
 * and the provider sending it back to the callback. Kept server-side (the provider carries only
 * the opaque state token, whose SHA-256 is {@code id}), single use, {@link RedirectLogin#LIFETIME} at most.
 *
 * @param id SHA-256 (base64url) of the state token the provider carries
 * @param clientState realm-web's own state, returned in {@code _baas_state} so the opener finds its result
 * @param redirectUrl the app's page to return to, allowed when the flow started
 * @param deviceId the device id realm-web sent ({@code device}), null for a new one
 * @param link the user and session a link is for; null for a login
 * @param nonce bound into the ID token by OpenID providers, checked against it at the callback
 */
public record RedirectState(String id, String appId, String providerType, String clientState, String redirectUrl,
                            String deviceId, LinkTarget link, String nonce, Instant createdAt, Instant expiresAt) {

    /**
     * The caller of a link, as its access token said when the flow started.
     *
     * @param bindingHash SHA-256 of the value of the cookie set on the browser that started the link
     */
    public record LinkTarget(String userId, String sessionId, String deviceId, String bindingHash) {}

    public boolean isLink() {
        return link != null;
    }

    /** The nonce is a secret until the flow ends: kept out of logs. */
    @Override
    public String toString() {
        return "RedirectState[app=" + appId + ", provider=" + providerType + ", redirect=" + redirectUrl + ", link="
                + (link != null) + ", expires=" + expiresAt + "]";
    }
}
