package dev.atrium.client;

import dev.atrium.api.ProfileResponse;
import dev.atrium.client.storage.UserStorage;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An App's internals, shared by {@link App} and its {@link User} handles: the wiring of
 * transport, location, registry and token refresh, and the user-state operations of docs/client-api.md, Client behaviour.
 * Every state change is made locally first (and saved), then announced to the server.
 */
final class AppCore {
    final String appId;
    final Routes routes;
    final UserRegistry registry;
    final ClientApi api;
    final TokenRefresher tokens;
    final LoginFlow logins;
    private final HttpClient ownedClient;
    /** One handle per user id, so {@code ==} and {@code equals} agree for the same user. */
    private final ConcurrentHashMap<String, User> handles = new ConcurrentHashMap<>();

    AppCore(String appId, String baseUrl, UserStorage storage, HttpClient client, boolean ownsClient, Duration timeout) {
        this.appId = appId;
        this.routes = new Routes(appId, baseUrl);
        this.registry = new UserRegistry(appId, storage);
        Transport transport = new Transport(client, timeout);
        this.api = new ClientApi(transport, routes, new Location(transport, routes), appId);
        this.tokens = new TokenRefresher(registry, api);
        this.logins = new LoginFlow(registry, api, tokens);
        this.ownedClient = ownsClient ? client : null;
    }

    User handle(String userId) {
        return handles.computeIfAbsent(userId, id -> new User(this, id));
    }

    /**
     * Logs out locally, then ends the session on the server (docs/client-api.md, Client behaviour). A guest is removed (its
     * session is its only credential); anyone else is kept logged out. A 401 means the session is
     * already gone server-side, which is what logging out wants, so it is not reported.
     */
    void logOut(String userId) {
        registry.logOut(userId, null).ifPresent(this::endSession);
    }

    /** Logs the user out if logged in, then forgets it (docs/client-api.md, Client behaviour). */
    void remove(String userId) {
        registry.remove(userId).filter(UserRecord::loggedIn).ifPresent(this::endSession);
    }

    /** {@code DELETE /auth/delete}, then the user is gone from the device (docs/client-api.md, Client behaviour). */
    void delete(String userId) {
        tokens.withAccessToken(userId, access -> {
            api.deleteUser(access);
            return null;
        });
        registry.remove(userId);
    }

    /** Fetches the profile again: identities and profile data. */
    void refreshProfile(String userId) {
        ProfileResponse profile = tokens.withAccessToken(userId, api::profile);
        registry.find(userId).filter(UserRecord::loggedIn).ifPresent(u -> registry.updateSession(userId,
                u.refreshToken(), r -> r.withProfile(LoginFlow.identities(profile), profile.data())));
    }

    /** A new access token, whose {@code user_data} claim is the user's custom data (docs/client-api.md, Tokens). */
    Map<String, Object> refreshCustomData(String userId) {
        return Jwt.parse(tokens.refreshNow(userId)).userData();
    }

    private void endSession(UserRecord before) {
        try {
            api.logout(before.refreshToken());
        } catch (ServiceException e) {
            if (e.httpStatus() != 401) {
                throw e;
            }
        }
    }

    void close() {
        if (ownedClient != null) {
            ownedClient.close();
        }
    }
}
