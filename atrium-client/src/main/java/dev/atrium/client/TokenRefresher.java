package dev.atrium.client;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Sends requests with a user's tokens and keeps the access token fresh:
 * <ul>
 *   <li>a request sent with the <b>access</b> token that gets HTTP 401 refreshes once and is
 *       retried once; never more, so a server that keeps answering 401 cannot make it loop
 *       (github.com/realm/realm-js/issues/6586);</li>
 *   <li>concurrent requests share one refresh: a per-user lock, and a request whose token was
 *       already replaced while it waited takes the new one without asking again;</li>
 *   <li>a refresh the server refuses with 401 or 403 logs the user out locally (a guest is
 *       removed); a network failure logs no one out;</li>
 *   <li>a request sent with the <b>refresh</b> token that gets 401 logs the user out locally.</li>
 * </ul>
 * The per-user lock is a {@link ReentrantLock}, so waiting virtual threads do not pin carriers.
 */
final class TokenRefresher {
    private final UserRegistry registry;
    private final ClientApi api;
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    TokenRefresher(UserRegistry registry, ClientApi api) {
        this.registry = registry;
        this.api = api;
    }

    /** Runs {@code call} with the user's access token, refreshing and retrying once on a 401. */
    <T> T withAccessToken(String userId, Function<String, T> call) {
        String token = loggedIn(userId).accessToken();
        try {
            return call.apply(token);
        } catch (ServiceException unauthorized) {
            if (unauthorized.httpStatus() != 401) {
                throw unauthorized;
            }
            String fresh;
            try {
                fresh = refreshReplacing(userId, token);
            } catch (ServiceException | ClientException refreshFailed) {
                // Core returns the original error; the refusal that logged the user out rides along.
                unauthorized.addSuppressed(refreshFailed);
                throw unauthorized;
            }
            return call.apply(fresh);
        }
    }

    /** Runs {@code call} with the user's refresh token; a 401 logs the user out locally. */
    <T> T withRefreshToken(String userId, Function<String, T> call) {
        String token = loggedIn(userId).refreshToken();
        try {
            return call.apply(token);
        } catch (ServiceException e) {
            if (e.httpStatus() == 401) {
                registry.logOut(userId, token);
            }
            throw e;
        }
    }

    /** Asks for a new access token now (refresh custom data) and returns it. */
    String refreshNow(String userId) {
        ReentrantLock lock = lockOf(userId);
        lock.lock();
        try {
            return refresh(loggedIn(userId));
        } finally {
            lock.unlock();
        }
    }

    /** A token newer than {@code stale}: the one another thread got meanwhile, or a new one. */
    private String refreshReplacing(String userId, String stale) {
        ReentrantLock lock = lockOf(userId);
        lock.lock();
        try {
            UserRecord user = loggedIn(userId);
            if (!user.accessToken().equals(stale)) {
                return user.accessToken();
            }
            return refresh(user);
        } finally {
            lock.unlock();
        }
    }

    private String refresh(UserRecord user) {
        String access;
        try {
            access = api.refresh(user.refreshToken());
        } catch (ServiceException e) {
            if (e.httpStatus() == 401 || e.httpStatus() == 403) {
                registry.logOut(user.id(), user.refreshToken());
            }
            throw e;
        }
        registry.updateSession(user.id(), user.refreshToken(), u -> u.withAccessToken(access));
        return access;
    }

    /** The user's record; ClientUserNotFound when not on the device, ClientUserNotLoggedIn when logged out. */
    UserRecord loggedIn(String userId) {
        UserRecord user = registry.find(userId)
                .orElseThrow(() -> new ClientException(ClientErrorCode.ClientUserNotFound, "user " + userId + " is not on this device"));
        if (!user.loggedIn()) {
            throw new ClientException(ClientErrorCode.ClientUserNotLoggedIn, "user " + userId + " is logged out");
        }
        return user;
    }

    private ReentrantLock lockOf(String userId) {
        return locks.computeIfAbsent(userId, id -> new ReentrantLock());
    }
}
