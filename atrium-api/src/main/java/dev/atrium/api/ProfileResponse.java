package dev.atrium.api;

import java.util.List;
import java.util.Map;

/**
 * Response of {@code GET /auth/profile} (docs/client-api.md, User and session routes). {@code data} is {@code {}} for guests.
 *
 * @param type {@code normal} or {@code server}; realm-web requires it
 */
public record ProfileResponse(String userId, String domainId, String type, List<IdentityView> identities,
                              Map<String, Object> data) {

    /** One identity as the SDKs read it; core requires string {@code id} and {@code provider_type}. */
    public record IdentityView(String id, String providerType, String providerId, Map<String, Object> providerData) {}
}
