package dev.atrium.client;

import dev.atrium.api.LoginResponse;
import dev.atrium.api.ProfileResponse;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * Login and linking: the one place a user appears on the device or gains an
 * identity. Guest reuse is decided here, locally, without a request.
 */
final class LoginFlow {
    private final UserRegistry registry;
    private final ClientApi api;
    private final TokenRefresher tokens;
    /**
     * Serialises reusing logins, so threads racing to {@code login(anonymous())} on a fresh device
     * end up with one guest rather than one each.
     */
    private final ReentrantLock guestLogin = new ReentrantLock();

    LoginFlow(UserRegistry registry, ClientApi api, TokenRefresher tokens) {
        this.registry = registry;
        this.api = api;
        this.tokens = tokens;
    }

    /** Logs in and returns the user id, now the current user. */
    String login(Credentials credentials) {
        if (!credentials.reusesGuest()) {
            return logInWithRequest(credentials);
        }
        guestLogin.lock();
        try {
            // docs/client-api.md, Client behaviour: the logged-in guest becomes current and is returned without any request.
            UserRecord guest = registry.reusableGuest().orElse(null);
            if (guest != null && registry.makeCurrent(guest.id())) {
                return guest.id();
            }
            return logInWithRequest(credentials);
        } finally {
            guestLogin.unlock();
        }
    }

    /**
     * Links {@code credentials} to the logged-in user {@code userId}: refused locally
     * for a logged-out user and for anonymous credentials; otherwise the link request goes out
     * with the access token (refreshed once on a 401 like every access-token request), the new
     * access token replaces the old one (the refresh token stays) and the profile is fetched.
     */
    void link(String userId, Credentials credentials) {
        UserRecord user = tokens.loggedIn(userId);
        if (credentials.isAnonymous()) {
            throw new ClientException(ClientErrorCode.ClientUserAlreadyNamed,
                    "Cannot add anonymous credentials to an existing user");
        }
        LoginResponse answer = tokens.withAccessToken(userId, access ->
                api.login(credentials.provider(), credentials.fields(), null, access));
        if (answer.userId() != null && !answer.userId().equals(userId)) {
            // realm-web refuses such an answer too: linking must keep the user id.
            throw new ClientException(ClientErrorCode.MalformedJson,
                    "link answered for user " + answer.userId() + ", not " + userId);
        }
        registry.updateSession(userId, user.refreshToken(), u -> u.withAccessToken(answer.accessToken()));
        ProfileResponse profile = tokens.withAccessToken(userId, api::profile);
        registry.updateSession(userId, user.refreshToken(), u -> u.withProfile(identities(profile), profile.data()));
    }

    /** Login request, then the profile (both clients fetch it and fail the login if it fails). */
    private String logInWithRequest(Credentials credentials) {
        LoginResponse answer = api.login(credentials.provider(), credentials.fields(), registry.lastDeviceId(), null);
        ProfileResponse profile = api.profile(answer.accessToken());
        registry.loggedIn(UserRecord.loggedIn(answer.userId(), answer.accessToken(), answer.refreshToken(),
                answer.deviceId(), credentials.provider(), identities(profile), profile.data()));
        return answer.userId();
    }

    static List<UserIdentity> identities(ProfileResponse profile) {
        return profile.identities().stream().map(i -> new UserIdentity(i.id(), i.providerType())).collect(Collectors.toList());
    }
}
