package dev.atrium.core.store.memory;

import dev.atrium.core.auth.password.UserpassAccount;
import dev.atrium.core.auth.password.UserpassStore;
import dev.atrium.core.events.UserEvent;
import dev.atrium.core.users.User;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link UserpassStore} in memory; every method holds the shared data's monitor. */
final class InMemoryUserpassStore implements UserpassStore {
    private final InMemoryData lock;
    private final Map<String, UserpassAccount> byId = new HashMap<>();

    InMemoryUserpassStore(InMemoryData lock) {
        this.lock = lock;
    }

    @Override
    public boolean create(UserpassAccount account) {
        synchronized (lock) {
            if (findByEmail(account.appId(), account.email()).isPresent() || byId.containsKey(account.id())) {
                return false;
            }
            byId.put(account.id(), account);
            return true;
        }
    }

    @Override
    public boolean createWithUser(UserpassAccount account, User user) {
        synchronized (lock) {
            if (!create(account)) {
                return false;
            }
            lock.putUser(user);
            lock.addEvent(user.appId(), user.id(), UserEvent.CREATED, user.identities().get(0).providerType(), user.createdAt());
            return true;
        }
    }

    @Override
    public Optional<UserpassAccount> findByEmail(String appId, String email) {
        synchronized (lock) {
            return byId.values().stream().filter(a -> a.appId().equals(appId) && a.email().equals(email)).findFirst();
        }
    }

    @Override
    public Optional<UserpassAccount> findByTokenId(String appId, String tokenId) {
        synchronized (lock) {
            return byId.values().stream().filter(a -> a.appId().equals(appId) && holds(a, tokenId)).findFirst();
        }
    }

    @Override
    public boolean update(UserpassAccount account, String consumedTokenId) {
        synchronized (lock) {
            UserpassAccount current = byId.get(account.id());
            if (current == null || !current.appId().equals(account.appId())
                    || consumedTokenId != null && !holds(current, consumedTokenId)) {
                return false;
            }
            // only the hash, the flag and the tokens: email and createdAt stay as stored (as in JDBC)
            byId.put(account.id(), new UserpassAccount(current.id(), current.appId(), current.email(),
                    account.passwordHash(), account.confirmed(), account.confirmToken(), account.resetToken(),
                    current.createdAt()));
            return true;
        }
    }

    /** The account {@code id}, whatever its app; null when none (the import's checks). */
    UserpassAccount byId(String id) {
        synchronized (lock) {
            return byId.get(id);
        }
    }

    /** Every account, in no order (the import's listing of accounts without a password). */
    java.util.List<UserpassAccount> all() {
        synchronized (lock) {
            return java.util.List.copyOf(byId.values());
        }
    }

    /** Stores {@code account} as it is, replacing one with its id (the import's writes, checked by the caller). */
    void put(UserpassAccount account) {
        synchronized (lock) {
            byId.put(account.id(), account);
        }
    }

    /** Deletes the account {@code id} of the app with its pending tokens (its user was deleted). */
    void remove(String appId, String id) {
        synchronized (lock) {
            byId.computeIfPresent(id, (k, a) -> a.appId().equals(appId) ? null : a);
        }
    }

    private static boolean holds(UserpassAccount a, String tokenId) {
        return a.confirmToken() != null && Objects.equals(a.confirmToken().id(), tokenId)
                || a.resetToken() != null && Objects.equals(a.resetToken().id(), tokenId);
    }
}
