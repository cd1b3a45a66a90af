package dev.atrium.client;

import dev.atrium.client.storage.UserStorage;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 * <p>Nothing is sent when an App is built: the location request (docs/client-api.md, Location) goes out before the
 * first request that needs the server, and every later request goes to the {@code hostname} it
 * returned.
 *
 * <p><b>Thread safety:</b> an App and its {@link User}s may be used by any number of threads at
 * once (platform or virtual). State changes are serialised and saved before they become visible;
 * concurrent requests of one user share a single token refresh; concurrent
 * {@code login(Credentials.anonymous())} calls end with one guest. Use one App per storage.
 */
public final class App implements AutoCloseable {
    private final AppCore core;

    private App(AppCore core) {
        this.core = core;
    }

    /** An App with default options (60 s request timeout, the SDK's own HTTP client). */
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
     * guest without any request when there is one (docs/client-api.md, Client behaviour); every other credential sends a login
     * request and then fetches the profile (a login fails if either fails).
     *
     * @throws ServiceException when the server refuses (e.g. {@code AuthProviderNotFound})
     * @throws NetworkException when the server cannot be reached
     */
    public User login(Credentials credentials) {
        return core.handle(core.logins.login(Objects.requireNonNull(credentials, "credentials")));
    }

    /** The current user: the last one logged in or switched to, if still logged in, else the latest logged-in user. */
    public Optional<User> currentUser() {
        return core.registry.current().map(u -> core.handle(u.id()));
    }

    /** Every user on this device (logged in or logged out) by id, least recently logged in first. */
    public Map<String, User> allUsers() {
        Map<String, User> users = new LinkedHashMap<>();
        core.registry.users().forEach(u -> users.put(u.id(), core.handle(u.id())));
        return java.util.Collections.unmodifiableMap(users);
    }

    /** Makes {@code user} current; local only. Throws ClientException(ClientUserNotLoggedIn) unless logged in. */
    public void switchUser(User user) {
        if (!core.registry.makeCurrent(own(user).id())) {
            throw new ClientException(ClientErrorCode.ClientUserNotLoggedIn, "only a logged-in user can become current");
        }
    }

    /**
     * Removes {@code user} from the device, logging it out first if needed (docs/client-api.md, Client behaviour). The local
     * removal stands even when the logout request then fails (the failure is thrown).
     */
    public void removeUser(User user) {
        core.remove(own(user).id());
    }

    /**
     * Deletes {@code user} on the server ({@code DELETE /auth/delete}) and then from the device.
     * The user must be logged in; on failure nothing changes locally.
     */
    public void deleteUser(User user) {
        core.delete(own(user).id());
    }

    /** Registration, confirmation and password reset of the e-mail/password provider (docs/client-api.md, E-mail/password routes). */
    public EmailPasswordAuth emailPasswordAuth() {
        return new EmailPasswordAuth(core);
    }

    /** Releases the SDK's own HTTP client (not one passed to the builder). Stored users stay stored. */
    @Override
    public void close() {
        core.close();
    }

    private User own(User user) {
        Objects.requireNonNull(user, "user");
        if (user.core() != core) {
            throw new IllegalArgumentException("user " + user.id() + " belongs to another App");
        }
        return user;
    }

    /** Options of an {@link App}; not thread-safe, use it from one thread and then {@link #build()}. */
    public static final class Builder {
        private final String appId;
        private final String baseUrl;
        private final UserStorage storage;
        private Duration requestTimeout = Duration.ofSeconds(60);
        private HttpClient httpClient;

        private Builder(String appId, String baseUrl, UserStorage storage) {
            if (appId == null || appId.isBlank()) {
                throw new IllegalArgumentException("appId is required");
            }
            URI uri = URI.create(Objects.requireNonNull(baseUrl, "baseUrl"));
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
            }
            this.appId = appId;
            this.baseUrl = baseUrl;
            this.storage = Objects.requireNonNull(storage, "storage");
        }

        /** How long one request may take before a {@link NetworkException} (default 60 s, as core). */
        public Builder requestTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("requestTimeout must be positive");
            }
            this.requestTimeout = timeout;
            return this;
        }

        /** An HTTP client to use (proxy, TLS, executor); the App will not close it. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * The App. Reads the storage (so a stored guest is there at once) and sends nothing.
         *
         * @throws IllegalStateException when the storage holds users of another app
         * @throws java.io.UncheckedIOException when the storage cannot be read
         */
        public App build() {
            boolean owns = httpClient == null;
            HttpClient client = owns
                    ? HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build()
                    : httpClient;
            try {
                return new App(new AppCore(appId, baseUrl, storage, client, owns, requestTimeout));
            } catch (RuntimeException e) {
                if (owns) {
                    client.close();
                }
                throw e;
            }
        }
    }
}
