package dev.atrium.store.tck.memory;

import dev.atrium.core.store.AtriumStore;
import dev.atrium.core.store.memory.InMemoryStore;
import dev.atrium.store.tck.StoreContracts;

/** Every store contract against the in-memory reference store, a new one per test. */
class InMemoryStoreTest extends StoreContracts {

    @Override
    protected AtriumStore newStore() {
        return new InMemoryStore();
    }
}
