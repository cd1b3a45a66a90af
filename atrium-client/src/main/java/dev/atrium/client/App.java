package dev.atrium.client;

import dev.atrium.client.http.HttpTransport;
import dev.atrium.client.storage.UserStorage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * An Atrium app as seen from this device: logs users in and keeps them, with their tokens, in a
 * {@link UserStorage}.
 *
 * <pre>{@code
 * App app = App.create("my-app-abcde", "http://127.0.0.1:9090",
 *         new FileUserStorage(Path.of(System.getProperty("user.home"), ".my-app", "users.json")));
 * User guest = app.login(Credentials.anonymous()); // the same guest on every run, no request once stored
 * }</pre>
 *
 * <p>Nothing is sent when an App is built: the location request goes out before the first request
 * that needs the server, and every later request goes to the {@code hostname} it returned.
 *
 * <p>Every network call has a blocking form and an {@code …Async} form returning a
 * {@link CompletableFuture} that runs on the App's executor ({@link Builder#executor}) and
 * completes exceptionally with the same {@link AtriumException}s.
 *
 * <p><b>Thread safety:</b> an App and its {@link User}s may be used by any number of threads at
 * once. State changes are serialised and saved before they become visible; concurrent requests of
 * one user share a single token refresh; concurrent {@code login(Credentials.anonymous())} calls
 * end with one guest. Use one App per storage.
 */
public final class App implements AutoCloseable {
    private final AppCore core;

    App(AppCore core) {
        this.core = core;
    }

    /**
     * An App with default options (60 s request timeout, the platform's default transport, the
     * SDK's own executor).
     *
     * @throws ClientException ({@link ClientErrorCode#InvalidArgument}) when an argument is unusable
     * @throws StorageException when the storage cannot be read or holds another app's users
     */
    public static App create(String appId, String baseUrl, UserStorage storage) {
        return builder(appId, baseUrl, storage).build();
    }

    /**
     * Starts building an App.
     *
     * @param appId the client app id, e.g. {@code my-app-abcde}
     * @param baseUrl where the server answers location, e.g. {@code https://auth.example.com}
     * @param storage where users and tokens are kept; {@link dev.atrium.client.storage.FileUserStorage}
     *     makes guests survive restarts
     * @throws ClientException ({@link ClientErrorCode#InvalidArgument}) when an argument is unusable
     */
    public static Builder builder(String appId, String baseUrl, UserStorage storage) {
        return new Builder(appId, baseUrl, storage);
    }

    /** The client app id. */
    public String id() {
        return core.appId;
    }

    /** The configured base URL, without trailing slashes. */
    public String baseUrl() {
        return core.routes.baseUrl();
    }

    /**
     * Logs in and makes the user current. {@link Credentials#anonymous()} returns the logged-in
     * guest without any request when there is one; every other credential sends a login request
     * and then fetches the profile (a login fails if either fails).
     *
     * @throws InvalidCredentialsException when the e-mail or password is wrong
     * @throws ServiceException when the server refuses otherwise (e.g. {@code AuthProviderNotFound})
     * @throws NetworkException when the server cannot be reached
     */
    public User login(Credentials credentials) {
        return core.handle(core.logins.login(Args.required(credentials, "credentials")));
    }

    /** {@link #login} on the App's executor. */
    public CompletableFuture<User> loginAsync(Credentials credentials) {
        Args.required(credentials, "credentials");
        return core.async(() -> login(credentials));
    }

    /** The current user: the last one logged in or switched to, if still logged in, else the latest logged-in user. */
    public Optional<User> currentUser() {
        return core.registry.current().map(u -> core.handle(u.id()));
    }

    /** Every user on this device (logged in or logged out) by id, least recently logged in first. */
    public Map<String, User> allUsers() {
        Map<String, User> users = new LinkedHashMap<>();
        core.registry.users().forEach(u -> users.put(u.id(), core.handle(u.id())));
        return Collections.unmodifiableMap(users);
    }

    /** Makes {@code user} current; local only. Throws ClientException(ClientUserNotLoggedIn) unless logged in. */
    public void switchUser(User user) {
        if (!core.registry.makeCurrent(own(user).id())) {
            throw new ClientException(ClientErrorCode.ClientUserNotLoggedIn, "only a logged-in user can become current");
        }
    }

    /**
     * Removes {@code user} from the device, logging it out first if needed. The local removal
     * stands even when the logout request then fails (the failure is thrown).
     */
    public void removeUser(User user) {
        core.remove(own(user).id());
    }

    /** {@link #removeUser} on the App's executor (the local removal happens there too). */
    public CompletableFuture<Void> removeUserAsync(User user) {
        String id = own(user).id();
        return core.asyncRun(() -> core.remove(id));
    }

    /**
     * Deletes {@code user} on the server ({@code DELETE /auth/delete}) and then from the device.
     * The user must be logged in; on failure nothing changes locally.
     */
    public void deleteUser(User user) {
        core.delete(own(user).id());
    }

    /** {@link #deleteUser} on the App's executor. */
    public CompletableFuture<Void> deleteUserAsync(User user) {
        String id = own(user).id();
        return core.asyncRun(() -> core.delete(id));
    }

    /** Registration, confirmation and password reset of the e-mail/password provider. */
    public EmailPasswordAuth emailPasswordAuth() {
        return new EmailPasswordAuth(core);
    }

    /**
     * Tells {@code listener} about every later auth-state change (logged in, logged out, removed,
     * token refreshed), in order, one at a time, on the App's executor. See {@link AuthStateListener}.
     */
    public void addAuthStateListener(AuthStateListener listener) {
        addAuthStateListener(core.executor, listener);
    }

    /**
     * Like {@link #addAuthStateListener(AuthStateListener)}, delivering on {@code executor} (for
     * example an Android main-thread executor, or {@code Runnable::run} to be called on the
     * thread that made or delivered the change).
     */
    public void addAuthStateListener(Executor executor, AuthStateListener listener) {
        core.events.add(Args.required(executor, "executor"), Args.required(listener, "listener"));
    }

    /** Stops telling {@code listener} (every registration of it); changes already queued for it are dropped. */
    public void removeAuthStateListener(AuthStateListener listener) {
        core.events.remove(listener);
    }

    /**
     * Releases the transport and executor the SDK created itself (not ones passed to the builder).
     * Stored users stay stored; {@code …Async} calls made afterwards fail with
     * {@link ClientErrorCode#ClientAppClosed}.
     */
    @Override
    public void close() {
        core.close();
    }

    private User own(User user) {
        Args.required(user, "user");
        if (user.core() != core) {
            throw new ClientException(ClientErrorCode.InvalidArgument, "user " + user.id() + " belongs to another App");
        }
        return user;
    }

    /** Options of an {@link App}; not thread-safe, use it from one thread and then {@link #build()}. */
    public static final class Builder {
        private final AppOptions options;

        Builder(String appId, String baseUrl, UserStorage storage) {
            options = new AppOptions(appId, baseUrl, storage);
        }

        /**
         * How long one request may take before a {@link NetworkException} (default 60 s, as core).
         *
         * @throws ClientException ({@link ClientErrorCode#InvalidArgument}) unless positive
         */
        public Builder requestTimeout(java.time.Duration timeout) {
            options.requestTimeout(timeout);
            return this;
        }

        /**
         * How requests are sent (default {@link HttpTransport#platformDefault()}: the JDK client on
         * a JVM, {@code HttpURLConnection} on Android). The App does not close a transport given here.
         */
        public Builder transport(HttpTransport transport) {
            options.transport(transport);
            return this;
        }

        /**
         * Where the {@code …Async} calls run and listeners are called by default. Default: the
         * App's own pool of daemon threads, shut down by {@link App#close()}; an executor given
         * here is not shut down by the App.
         */
        public Builder executor(Executor executor) {
            options.executor(executor);
            return this;
        }

        /**
         * The App. Reads the storage (so a stored guest is there at once) and sends nothing.
         *
         * @throws StorageException when the storage cannot be read or holds users of another app
         */
        public App build() {
            return new App(options.build());
        }
    }
}
