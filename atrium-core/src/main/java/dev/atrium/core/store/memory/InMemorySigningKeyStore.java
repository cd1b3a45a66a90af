package dev.atrium.core.store.memory;

import dev.atrium.core.tokens.SigningKey;
import dev.atrium.core.tokens.SigningKeyStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Signing keys of the {@link InMemoryStore}; each method one transaction on {@link InMemoryData}. */
record InMemorySigningKeyStore(InMemoryData data) implements SigningKeyStore {
    @Override
    public List<SigningKey> forApp(String appId) {
        synchronized (data) {
            return data.keys.stream().filter(k -> k.appId().equals(appId))
                    .sorted(Comparator.comparing((SigningKey k) -> !k.state().equals(SigningKey.ACTIVE))
                            .thenComparing(SigningKey::createdAt, Comparator.reverseOrder()))
                    .toList();
        }
    }

    @Override
    public boolean insertFirst(SigningKey key) {
        if (!key.state().equals(SigningKey.ACTIVE)) {
            throw new IllegalArgumentException("insertFirst takes an active key, got " + key.state());
        }
        synchronized (data) {
            boolean hasActive = data.keys.stream()
                    .anyMatch(k -> k.appId().equals(key.appId()) && k.state().equals(SigningKey.ACTIVE));
            if (hasActive) {
                return false;
            }
            data.keys.add(key);
            return true;
        }
    }

    @Override
    public boolean rotate(SigningKey next, Instant at, Instant pruneRetiredBefore) {
        synchronized (data) {
            SigningKey active = data.keys.stream()
                    .filter(k -> k.appId().equals(next.appId()) && k.state().equals(SigningKey.ACTIVE))
                    .findFirst().orElse(null);
            if (active == null) {
                return false;
            }
            data.keys.removeIf(k -> k.appId().equals(next.appId()) && k.state().equals(SigningKey.RETIRED)
                    && k.retiredAt().isBefore(pruneRetiredBefore));
            data.keys.remove(active);
            data.keys.add(new SigningKey(active.appId(), active.kid(), active.alg(), active.privateJwk(),
                    SigningKey.RETIRED, active.createdAt(), at));
            data.keys.add(next);
            return true;
        }
    }
}
