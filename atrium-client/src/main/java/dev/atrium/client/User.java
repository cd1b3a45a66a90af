package dev.atrium.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A user of an {@link App} on this device. A handle: it always shows the user's latest state, and
 * an App returns the same object for the same user id. Thread-safe.
 *
 * <p>States: {@link UserState#LoggedIn}; {@link UserState#LoggedOut} (tokens cleared,
 * user kept, logging in again brings it back); {@link UserState#Removed} (gone from the device).
 * A guest that logs out is Removed at once: its session was its only credential.
 *
 * <p>Requests made with the access token refresh it once on a 401 and retry once; when that
 * refresh is refused the user is logged out locally (see {@link App} on thread safety).
 */
public final class User {
    private final AppCore core;
    private final String id;

    User(AppCore core, String id) {
        this.core = core;
        this.id = id;
    }

    AppCore core() {
        return core;
    }

    private Optional<UserRecord> record() {
        return core.registry.find(id);
    }

    /** The server's user id (24 hex characters). */
    public String id() {
        return id;
    }

    /** The state now. */
    public UserState state() {
        return record().map(u -> u.loggedIn() ? UserState.LoggedIn : UserState.LoggedOut).orElse(UserState.Removed);
    }

    /** Whether the state is {@link UserState#LoggedIn}. */
    public boolean isLoggedIn() {
        return state() == UserState.LoggedIn;
    }

    /** Logged in with exactly one identity, {@code anon-user} (core's test). Linking ends it. */
    public boolean isAnonymous() {
        return record().map(UserRecord::isAnonymous).orElse(false);
    }

    /** The identities of the last profile fetch, in order; empty once removed. */
    public List<UserIdentity> identities() {
        return record().map(UserRecord::identities).orElse(List.of());
    }

    /** The profile {@code data} of the last profile fetch (e.g. {@code email}); {@code {}} for a guest. */
    public Map<String, Object> profile() {
        return record().map(UserRecord::profile).orElse(Map.of());
    }

    /** The current access token, or null unless logged in. */
    public String accessToken() {
        return record().map(UserRecord::accessToken).orElse(null);
    }

    /** The session's refresh token, or null unless logged in. It is a credential: never log it. */
    public String refreshToken() {
        return record().map(UserRecord::refreshToken).orElse(null);
    }

    /** The {@code device_id} of the last login, or null once removed. */
    public String deviceId() {
        return record().map(UserRecord::deviceId).orElse(null);
    }

    /** The provider of the last login, e.g. {@code anon-user}; null once removed. */
    public String providerType() {
        return record().map(UserRecord::loginProvider).orElse(null);
    }

    /**
     * The custom user data: the {@code user_data} claim of the current access token,
     * empty when there is none or the user is not logged in. No request.
     */
    public Map<String, Object> customData() {
        String token = accessToken();
        return token == null ? Map.of() : Jwt.parse(token).userData();
    }

    /** Gets a new access token ({@code POST /auth/session}) and returns the custom data it carries. */
    public Map<String, Object> refreshCustomData() {
        return core.refreshCustomData(id);
    }

    /** {@link #refreshCustomData()} on the App's executor. */
    public CompletableFuture<Map<String, Object>> refreshCustomDataAsync() {
        return core.async(this::refreshCustomData);
    }

    /** Fetches the profile again ({@code GET /auth/profile}): identities and profile data. */
    public void refreshProfile() {
        core.refreshProfile(id);
    }

    /** {@link #refreshProfile()} on the App's executor. */
    public CompletableFuture<Void> refreshProfileAsync() {
        return core.asyncRun(this::refreshProfile);
    }

    /**
     * Logs out: locally first (a guest becomes Removed, anyone else LoggedOut), then
     * {@code DELETE /auth/session}. A failure of that request is thrown but does not undo the
     * local logout. Does nothing unless logged in.
     */
    public void logOut() {
        core.logOut(id);
    }

    /** {@link #logOut()} on the App's executor (the local logout happens there too). */
    public CompletableFuture<Void> logOutAsync() {
        return core.asyncRun(this::logOut);
    }

    /**
     * Adds the identity of {@code credentials} to this user, keeping its id; a guest
     * stops being anonymous. Refused locally, with nothing sent: anonymous credentials
     * ({@link ClientErrorCode#ClientUserAlreadyNamed}) and a user not logged in
     * ({@link ClientErrorCode#ClientUserNotLoggedIn}). The server refuses an identity that
     * belongs to someone else, a second identity of one provider, or wrong credentials
     * (Atrium: HTTP 409, {@link LinkRefusedException}).
     *
     * @return this user
     */
    public User linkCredentials(Credentials credentials) {
        core.logins.link(id, Args.required(credentials, "credentials"));
        return this;
    }

    /** {@link #linkCredentials} on the App's executor. */
    public CompletableFuture<User> linkCredentialsAsync(Credentials credentials) {
        Args.required(credentials, "credentials");
        return core.async(() -> linkCredentials(credentials));
    }

    /** This user's API keys; the requests carry the refresh token. */
    public ApiKeyAuth apiKeys() {
        return new ApiKeyAuth(core, id);
    }

    @Override
    public String toString() {
        return "User[" + id + ", " + state() + (isAnonymous() ? ", anonymous" : "") + "]";
    }
}
