package dev.atrium.core.store.memory;

import dev.atrium.core.admin.AdminToken;
import dev.atrium.core.admin.AdminTokenStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Admin API tokens of the {@link InMemoryStore}; each method one transaction on {@link InMemoryData}. */
record InMemoryAdminTokenStore(InMemoryData data) implements AdminTokenStore {
    @Override
    public void insert(AdminToken token) {
        synchronized (data) {
            if (data.adminTokens.stream().anyMatch(t -> t.id().equals(token.id()))) {
                throw new IllegalStateException("admin token " + token.id() + " exists");
            }
            data.adminTokens.add(token);
        }
    }

    @Override
    public Optional<AdminToken> findByHash(String tokenHash) {
        synchronized (data) {
            return data.adminTokens.stream().filter(t -> t.tokenHash().equals(tokenHash)).findFirst();
        }
    }

    @Override
    public List<AdminToken> list() {
        synchronized (data) {
            return data.adminTokens.stream()
                    .sorted(Comparator.comparing(AdminToken::createdAt).thenComparing(AdminToken::id))
                    .toList();
        }
    }

    @Override
    public boolean revoke(String id) {
        synchronized (data) {
            return data.adminTokens.removeIf(t -> t.id().equals(id));
        }
    }
}
