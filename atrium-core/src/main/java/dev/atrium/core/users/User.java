package dev.atrium.core.users;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A user of one app with its identities, oldest first (the anonymous identity of a linked guest
 * stays first, docs/client-api.md, Login and linking).
 *
 * @param type {@link UserType#NORMAL} for end users ({@link UserType#SERVER} holds server API keys)
 * @param customData the app's custom user data, sent as {@code user_data} in access tokens; empty if none
 */
public record User(String id, String appId, UserType type, boolean disabled, Instant createdAt,
                   Instant lastActiveAt, Map<String, Object> customData, List<Identity> identities) {

    public static final String ANON_PROVIDER = "anon-user";

    public User {
        customData = Map.copyOf(customData);
        identities = List.copyOf(identities);
    }

    /** Anonymous while its only identity is {@code anon-user} (docs/architecture.md, Anonymous; docs/client-api.md, Client behaviour). */
    public boolean isAnonymous() {
        return identities.size() == 1 && identities.get(0).providerType().equals(ANON_PROVIDER);
    }

    /**
     * The profile {@code data} (docs/client-api.md, User and session routes): what the identities' providers know, merged in identity
     * order, so a guest's is {@code {}} and a linked guest's carries e.g. its e-mail.
     */
    public Map<String, Object> profileData() {
        java.util.LinkedHashMap<String, Object> data = new java.util.LinkedHashMap<>();
        for (Identity identity : identities) {
            identity.providerData().forEach(data::putIfAbsent);
        }
        return data;
    }

    /** The provider types of the identities, in order; the access token's {@code amr}. */
    public List<String> providerTypes() {
        return identities.stream().map(Identity::providerType).toList();
    }
}
