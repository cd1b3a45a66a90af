package dev.atrium.client;

import dev.atrium.api.ProfileResponse;
import dev.atrium.client.http.HttpTransport;
import dev.atrium.client.storage.UserStorage;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * An App's internals, shared by {@link App} and its {@link User} handles: the wiring of
 * transport, location, registry, token refresh and listeners, the user-state operations, and the
 * executor the {@code …Async} calls run on. Every state change is made locally first (and saved),
 * then announced to the server.
 */
final class AppCore {
    final String appId;
    final Routes routes;
    final AuthEvents events;
    final UserRegistry registry;
    final ClientApi api;
    final TokenRefresher tokens;
    final LoginFlow logins;
    final Executor executor;
    private final HttpTransport ownedTransport;
    private final ExecutorService ownedExecutor;
    private volatile boolean closed;
    /** One handle per user id, so {@code ==} and {@code equals} agree for the same user. */
    private final ConcurrentHashMap<String, User> handles = new ConcurrentHashMap<>();

    AppCore(String appId, String baseUrl, UserStorage storage, Duration timeout, HttpTransport transport, boolean ownsTransport,
            Executor executor, ExecutorService ownedExecutor) {
        this.appId = appId;
        this.routes = new Routes(appId, baseUrl);
        this.events = new AuthEvents(this::handle);
        this.registry = new UserRegistry(appId, storage, events);
        Exchange exchange = new Exchange(transport, timeout);
        this.api = new ClientApi(exchange, routes, new Location(exchange, routes), appId);
        this.tokens = new TokenRefresher(registry, api);
        this.logins = new LoginFlow(registry, api, tokens);
        this.executor = executor;
        this.ownedTransport = ownsTransport ? transport : null;
        this.ownedExecutor = ownedExecutor;
    }

    User handle(String userId) {
        return handles.computeIfAbsent(userId, id -> new User(this, id));
    }

    /**
     * {@code call} on the App's executor. A closed App (or a shut-down executor) fails the future
     * with {@link ClientErrorCode#ClientAppClosed} instead of throwing here.
     */
    <T> CompletableFuture<T> async(Supplier<T> call) {
        if (closed) {
            return failed(appClosed(null));
        }
        try {
            return CompletableFuture.supplyAsync(call, executor);
        } catch (RejectedExecutionException e) {
            return failed(appClosed(e));
        }
    }

    /** {@code CompletableFuture.failedFuture} is Java 9 API that Android 8 (API 26) lacks. */
    private static <T> CompletableFuture<T> failed(Throwable e) {
        CompletableFuture<T> future = new CompletableFuture<>();
        future.completeExceptionally(e);
        return future;
    }

    /** {@code call} on the App's executor, for calls with no result. */
    CompletableFuture<Void> asyncRun(Runnable call) {
        return async(() -> {
            call.run();
            return null;
        });
    }

    private static ClientException appClosed(Throwable cause) {
        return new ClientException(ClientErrorCode.ClientAppClosed, "the App is closed", cause);
    }

    /**
     * Logs out locally, then ends the session on the server. A guest is removed (its session is
     * its only credential); anyone else is kept logged out. A 401 means the session is already
     * gone server-side, which is what logging out wants, so it is not reported.
     */
    void logOut(String userId) {
        registry.logOut(userId, null).ifPresent(this::endSession);
    }

    /** Logs the user out if logged in, then forgets it. */
    void remove(String userId) {
        registry.remove(userId).filter(UserRecord::loggedIn).ifPresent(this::endSession);
    }

    /** {@code DELETE /auth/delete}, then the user is gone from the device. */
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

    /** A new access token, whose {@code user_data} claim is the user's custom data. */
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
        closed = true;
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
        if (ownedTransport != null) {
            ownedTransport.close();
        }
    }
}
