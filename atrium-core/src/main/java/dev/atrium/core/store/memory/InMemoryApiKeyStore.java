package dev.atrium.core.store.memory;

import dev.atrium.core.auth.apikey.ApiKey;
import dev.atrium.core.auth.apikey.ApiKeyStore;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ApiKeyStore} in memory; every method holds the shared data's monitor. Keys of a deleted
 * user are dropped by {@link InMemoryData#removeUser}, as the JDBC store's cascade does.
 */
final class InMemoryApiKeyStore implements ApiKeyStore {
    private final Object lock;
    final Map<String, ApiKey> byId = new LinkedHashMap<>();

    InMemoryApiKeyStore(Object lock) {
        this.lock = lock;
    }

    @Override
    public boolean create(ApiKey key) {
        synchronized (lock) {
            boolean taken = byId.values().stream().anyMatch(k -> k.userId().equals(key.userId()) && k.name().equals(key.name())
                    || k.keyHash().equals(key.keyHash()));
            if (taken || byId.containsKey(key.id())) {
                return false;
            }
            byId.put(key.id(), key);
            return true;
        }
    }

    @Override
    public Optional<ApiKey> find(String appId, String userId, String keyId) {
        synchronized (lock) {
            return Optional.ofNullable(byId.get(keyId)).filter(k -> k.appId().equals(appId) && k.userId().equals(userId));
        }
    }

    @Override
    public Optional<ApiKey> findByHash(String appId, String keyHash) {
        synchronized (lock) {
            return byId.values().stream().filter(k -> k.appId().equals(appId) && k.keyHash().equals(keyHash)).findFirst();
        }
    }

    @Override
    public List<ApiKey> list(String appId, String userId) {
        synchronized (lock) {
            return byId.values().stream().filter(k -> k.appId().equals(appId) && k.userId().equals(userId))
                    .sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id)).toList();
        }
    }

    @Override
    public boolean setDisabled(String appId, String userId, String keyId, boolean disabled) {
        synchronized (lock) {
            Optional<ApiKey> k = find(appId, userId, keyId);
            k.ifPresent(key -> byId.put(keyId, key.withDisabled(disabled)));
            return k.isPresent();
        }
    }

    @Override
    public boolean delete(String appId, String userId, String keyId) {
        synchronized (lock) {
            return find(appId, userId, keyId).map(k -> byId.remove(keyId) != null).orElse(false);
        }
    }
}
