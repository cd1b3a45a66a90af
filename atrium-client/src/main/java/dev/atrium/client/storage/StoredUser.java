package dev.atrium.client.storage;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One user as stored on the device. A logged-out user has null tokens; removed users are not
 * stored at all.
 *
 * @param id the user id ({@code user_id} of the login answer)
 * @param loggedIn whether it holds tokens
 * @param accessToken the current access token (30 min), null when logged out
 * @param refreshToken the session's refresh token (60 days), null when logged out
 * @param deviceId the {@code device_id} of the last login
 * @param loginProvider the provider of the last login, e.g. {@code anon-user}
 * @param identities the identities of the last profile fetch, in order
 * @param profile the profile {@code data} of the last profile fetch ({@code {}} for guests)
 */
public record StoredUser(String id, boolean loggedIn, String accessToken, String refreshToken, String deviceId,
                         String loginProvider, List<Identity> identities, Map<String, Object> profile) {

    /** Checks the id and copies the lists so a stored user never changes after it is made. */
    public StoredUser {
        Objects.requireNonNull(id, "id");
        identities = identities == null ? List.of() : List.copyOf(identities);
        profile = profile == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(profile));
    }

    /**
     * One identity.
     *
     * @param id the provider-scoped identity id
     * @param providerType the provider's wire name
     */
    public record Identity(String id, String providerType) {}
}
