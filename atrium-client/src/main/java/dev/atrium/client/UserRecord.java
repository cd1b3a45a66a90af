package dev.atrium.client;

import dev.atrium.api.ApiPaths;
import dev.atrium.client.storage.StoredUser;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The state of one user on the device at one moment: immutable, replaced as a whole by
 * {@link UserRegistry}. {@link User} objects are handles that read the current record.
 */
record UserRecord(String id, boolean loggedIn, String accessToken, String refreshToken, String deviceId,
                  String loginProvider, List<UserIdentity> identities, Map<String, Object> profile) {

    UserRecord {
        identities = List.copyOf(identities);
        profile = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(profile));
    }

    /** A user that has just logged in with these tokens and this profile. */
    static UserRecord loggedIn(String id, String accessToken, String refreshToken, String deviceId, String provider,
                               List<UserIdentity> identities, Map<String, Object> profile) {
        return new UserRecord(id, true, accessToken, refreshToken, deviceId, provider, identities, profile);
    }

    /**
     * Whether its only identity is {@code anon-user}, whatever its state: such a user's session is
     * its only credential, so logging it out removes it.
     */
    boolean isGuestIdentity() {
        return identities.size() == 1 && identities.get(0).providerType().equals(ApiPaths.ANON_USER);
    }

    /** Core's test: logged in and exactly one identity, {@code anon-user}. */
    boolean isAnonymous() {
        return loggedIn && isGuestIdentity();
    }

    UserRecord withAccessToken(String token) {
        return new UserRecord(id, loggedIn, token, refreshToken, deviceId, loginProvider, identities, profile);
    }

    UserRecord withProfile(List<UserIdentity> newIdentities, Map<String, Object> newProfile) {
        return new UserRecord(id, loggedIn, accessToken, refreshToken, deviceId, loginProvider, newIdentities, newProfile);
    }

    /** Tokens cleared, everything else kept. */
    UserRecord loggedOut() {
        return new UserRecord(id, false, null, null, deviceId, loginProvider, identities, profile);
    }

    StoredUser toStored() {
        return new StoredUser(id, loggedIn, accessToken, refreshToken, deviceId, loginProvider,
                identities.stream().map(i -> new StoredUser.Identity(i.id(), i.providerType())).collect(Collectors.toList()), profile);
    }

    /** A stored user; one marked logged in but lacking a token is read as logged out. */
    static UserRecord fromStored(StoredUser s) {
        boolean usable = s.loggedIn() && s.accessToken() != null && s.refreshToken() != null;
        List<UserIdentity> identities = s.identities().stream()
                .map(i -> new UserIdentity(i.id(), i.providerType())).collect(Collectors.toList());
        return new UserRecord(s.id(), usable, usable ? s.accessToken() : null, usable ? s.refreshToken() : null,
                s.deviceId(), s.loginProvider(), identities, s.profile());
    }
}
