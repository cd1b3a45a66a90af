package dev.atrium.client;

import dev.atrium.client.storage.StoredUsers;
import dev.atrium.client.storage.UserStorage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The users of one App on this device: an immutable snapshot read without locks, replaced under
 * one lock and saved to {@link UserStorage} before it becomes visible. So the store never lags
 * behind what callers saw, and a failed save changes nothing. Changes that answer a network call
 * are conditional on the session they came from (the refresh token), so a late answer never
 * resurrects a user that logged out or logged in again meanwhile. Each replacement queues its
 * auth-state changes for the listeners under the same lock, so they arrive in save order.
 */
final class UserRegistry {
    /** Users least recently logged in first; the current user id may name a logged-out user. */
    private record Snapshot(String currentUserId, List<UserRecord> users) {}

    private final String appId;
    private final UserStorage storage;
    private final AuthEvents events;
    private final ReentrantLock writing = new ReentrantLock();
    private volatile Snapshot snapshot;

    UserRegistry(String appId, UserStorage storage, AuthEvents events) {
        this.appId = appId;
        this.storage = storage;
        this.events = events;
        StoredUsers stored;
        try {
            stored = storage.load();
        } catch (RuntimeException e) {
            throw new StorageException("cannot read the user storage: " + e.getMessage(), e);
        }
        if (stored == null) {
            throw new StorageException("the user storage returned no snapshot", null);
        }
        if (!stored.users().isEmpty() && stored.appId() != null && !stored.appId().equals(appId)) {
            throw new StorageException("the user storage holds users of app '" + stored.appId()
                    + "', not of '" + appId + "'; give each app its own storage", null);
        }
        this.snapshot = new Snapshot(stored.currentUserId(), immutable(stored.users().stream().map(UserRecord::fromStored)));
    }

    Optional<UserRecord> find(String id) {
        return snapshot.users().stream().filter(u -> u.id().equals(id)).findFirst();
    }

    List<UserRecord> users() {
        return snapshot.users();
    }

    /** The chosen current user if logged in, else the most recently logged-in user still logged in. */
    Optional<UserRecord> current() {
        Snapshot s = snapshot;
        Optional<UserRecord> chosen = s.users().stream()
                .filter(u -> u.id().equals(s.currentUserId()) && u.loggedIn()).findFirst();
        return chosen.isPresent() ? chosen : newestFirst(s.users()).stream().filter(UserRecord::loggedIn).findFirst();
    }

    /** The guest {@code Credentials.anonymous()} returns: the current user if anonymous, else the latest anonymous one. */
    Optional<UserRecord> reusableGuest() {
        Optional<UserRecord> current = current().filter(UserRecord::isAnonymous);
        return current.isPresent() ? current : newestFirst(snapshot.users()).stream().filter(UserRecord::isAnonymous).findFirst();
    }

    /** The device id of the latest login, sent with the next one. */
    String lastDeviceId() {
        return newestFirst(snapshot.users()).stream().map(UserRecord::deviceId).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** Stores a user that has just logged in as the most recent and the current one. */
    void loggedIn(UserRecord user) {
        update(s -> new Snapshot(user.id(), with(without(s.users(), user.id()), user)));
    }

    /** Makes {@code id} current if it is logged in; false otherwise. */
    boolean makeCurrent(String id) {
        boolean[] loggedIn = {false};
        update(s -> {
            loggedIn[0] = find(s, id).filter(UserRecord::loggedIn).isPresent();
            return loggedIn[0] && !id.equals(s.currentUserId()) ? new Snapshot(id, s.users()) : s;
        });
        return loggedIn[0];
    }

    /** Applies {@code change} if the user still holds session {@code refreshToken}; false otherwise. */
    boolean updateSession(String id, String refreshToken, UnaryOperator<UserRecord> change) {
        return update(s -> find(s, id).filter(u -> u.loggedIn() && u.refreshToken().equals(refreshToken))
                .map(u -> new Snapshot(s.currentUserId(), replace(s.users(), change.apply(u))))
                .orElse(s));
    }

    /**
     * Logs the user out locally if it is logged in and, when {@code refreshToken} is not null,
     * still holds that session. A guest is removed, anyone else kept logged out.
     * Returns the user as it was, or empty when nothing changed.
     */
    Optional<UserRecord> logOut(String id, String refreshToken) {
        return change(id, u -> u.loggedIn() && (refreshToken == null || refreshToken.equals(u.refreshToken())),
                u -> u.isGuestIdentity() ? null : u.loggedOut());
    }

    /** Removes the user from the device; returns it as it was, or empty when it was not here. */
    Optional<UserRecord> remove(String id) {
        return change(id, u -> true, u -> null);
    }

    private Optional<UserRecord> change(String id, java.util.function.Predicate<UserRecord> when,
                                        UnaryOperator<UserRecord> to) {
        List<UserRecord> before = new ArrayList<>(1);
        update(s -> find(s, id).filter(when).map(u -> {
            before.add(u);
            UserRecord next = to.apply(u);
            return new Snapshot(s.currentUserId(), next == null ? without(s.users(), id) : replace(s.users(), next));
        }).orElse(s));
        return before.stream().findFirst();
    }

    /**
     * Runs {@code step} on the latest snapshot under the lock; saves and publishes a changed result
     * and queues its auth-state changes, which are delivered once the lock is released.
     */
    private boolean update(UnaryOperator<Snapshot> step) {
        writing.lock();
        try {
            Snapshot before = snapshot;
            Snapshot next = step.apply(before);
            if (next == before) {
                return false;
            }
            try {
                storage.save(new StoredUsers(appId, next.currentUserId(), next.users().stream().map(UserRecord::toStored).collect(Collectors.toList())));
            } catch (RuntimeException e) {
                throw new StorageException("cannot write the user storage: " + e.getMessage(), e);
            }
            snapshot = next;
            events.queue(changes(before.users(), next.users()));
            return true;
        } finally {
            writing.unlock();
            events.deliver();
        }
    }

    /** What listeners are told about going from {@code before} to {@code after}. */
    static List<AuthEvents.Change> changes(List<UserRecord> before, List<UserRecord> after) {
        List<AuthEvents.Change> changes = new ArrayList<>();
        for (UserRecord old : before) {
            if (!find(after, old.id()).isPresent()) {
                changes.add(new AuthEvents.Change(AuthStateChange.Kind.Removed, old.id()));
            }
        }
        for (UserRecord now : after) {
            UserRecord old = find(before, now.id()).orElse(null);
            boolean wasIn = old != null && old.loggedIn();
            if (now.loggedIn() && (!wasIn || !old.refreshToken().equals(now.refreshToken()))) {
                changes.add(new AuthEvents.Change(AuthStateChange.Kind.LoggedIn, now.id()));
            } else if (now.loggedIn() && !old.accessToken().equals(now.accessToken())) {
                changes.add(new AuthEvents.Change(AuthStateChange.Kind.TokenRefreshed, now.id()));
            } else if (!now.loggedIn() && wasIn) {
                changes.add(new AuthEvents.Change(AuthStateChange.Kind.LoggedOut, now.id()));
            }
        }
        return changes;
    }

    /** The stream as an unmodifiable list ({@code Stream.toList()} needs Java 16 and Android 14). */
    private static List<UserRecord> immutable(java.util.stream.Stream<UserRecord> users) {
        return Collections.unmodifiableList(users.collect(Collectors.toList()));
    }

    /** {@code users} newest first ({@code List.reversed()} is Java 21; the SDK runs on 17). */
    private static List<UserRecord> newestFirst(List<UserRecord> users) {
        List<UserRecord> copy = new ArrayList<>(users);
        Collections.reverse(copy);
        return copy;
    }

    private static Optional<UserRecord> find(Snapshot s, String id) {
        return find(s.users(), id);
    }

    private static Optional<UserRecord> find(List<UserRecord> users, String id) {
        return users.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    private static List<UserRecord> without(List<UserRecord> users, String id) {
        return immutable(users.stream().filter(u -> !u.id().equals(id)));
    }

    private static List<UserRecord> with(List<UserRecord> users, UserRecord user) {
        List<UserRecord> all = new ArrayList<>(users);
        all.add(user);
        return List.copyOf(all);
    }

    private static List<UserRecord> replace(List<UserRecord> users, UserRecord user) {
        return immutable(users.stream().map(u -> u.id().equals(user.id()) ? user : u));
    }
}
