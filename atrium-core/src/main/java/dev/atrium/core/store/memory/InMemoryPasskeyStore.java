package dev.atrium.core.store.memory;

import dev.atrium.core.auth.passkey.PasskeyChallenge;
import dev.atrium.core.auth.passkey.PasskeyCredential;
import dev.atrium.core.auth.passkey.PasskeyStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PasskeyStore} in memory; every method holds the shared data's monitor, so a take and a
 * compare-and-set are atomic. Passkeys of a deleted user are dropped by {@link InMemoryData#removeUser},
 * as the JDBC store's cascade does.
 */
final class InMemoryPasskeyStore implements PasskeyStore {
    private final InMemoryData data;
    private final Map<String, PasskeyChallenge> challenges = new HashMap<>();
    private final Map<String, PasskeyCredential> byId = new LinkedHashMap<>();

    InMemoryPasskeyStore(InMemoryData data) {
        this.data = data;
    }

    @Override
    public void insertChallenge(PasskeyChallenge challenge) {
        synchronized (data) {
            if (!data.apps.containsKey(challenge.appId())) {
                throw new IllegalStateException("app " + challenge.appId() + " does not exist");
            }
            if (challenges.putIfAbsent(challenge.id(), challenge) != null) {
                throw new IllegalStateException("passkey challenge exists");
            }
        }
    }

    @Override
    public Optional<PasskeyChallenge> takeChallenge(String id, Instant now) {
        synchronized (data) {
            return Optional.ofNullable(challenges.remove(id)).filter(c -> c.expiresAt().isAfter(now));
        }
    }

    @Override
    public int deleteExpiredChallenges(Instant now, int limit) {
        synchronized (data) {
            List<String> expired = challenges.values().stream().filter(c -> !c.expiresAt().isAfter(now))
                    .sorted(Comparator.comparing(PasskeyChallenge::expiresAt)).limit(limit).map(PasskeyChallenge::id).toList();
            expired.forEach(challenges::remove);
            return expired.size();
        }
    }

    @Override
    public boolean insertCredential(PasskeyCredential credential) {
        synchronized (data) {
            var user = data.users.get(credential.userId());
            if (user == null || !user.appId().equals(credential.appId())) {
                throw new IllegalStateException("user " + credential.userId() + " does not exist");
            }
            if (byId.containsKey(credential.id()) || findByCredentialId(credential.appId(), credential.credentialId()).isPresent()) {
                return false;
            }
            byId.put(credential.id(), credential);
            return true;
        }
    }

    @Override
    public Optional<PasskeyCredential> findByCredentialId(String appId, String credentialId) {
        synchronized (data) {
            return byId.values().stream().filter(p -> p.appId().equals(appId) && p.credentialId().equals(credentialId))
                    .findFirst();
        }
    }

    @Override
    public List<PasskeyCredential> list(String appId, String userId) {
        synchronized (data) {
            return byId.values().stream().filter(p -> p.appId().equals(appId) && p.userId().equals(userId))
                    .sorted(Comparator.comparing(PasskeyCredential::createdAt).thenComparing(PasskeyCredential::id)).toList();
        }
    }

    @Override
    public boolean recordUse(String appId, String id, long expectedCount, long newCount, boolean backedUp, Instant usedAt) {
        synchronized (data) {
            PasskeyCredential p = byId.get(id);
            if (p == null || !p.appId().equals(appId) || p.signCount() != expectedCount) {
                return false;
            }
            byId.put(id, p.used(newCount, backedUp, usedAt));
            return true;
        }
    }

    @Override
    public boolean delete(String appId, String userId, String id) {
        synchronized (data) {
            PasskeyCredential p = byId.get(id);
            if (p == null || !p.appId().equals(appId) || !p.userId().equals(userId)) {
                return false;
            }
            byId.remove(id);
            return true;
        }
    }

    /** Drops the passkeys of a deleted user; the caller holds the monitor. */
    void removeUser(String appId, String userId) {
        byId.values().removeIf(p -> p.appId().equals(appId) && p.userId().equals(userId));
    }
}
