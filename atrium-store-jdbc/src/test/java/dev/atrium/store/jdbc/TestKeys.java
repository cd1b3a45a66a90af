package dev.atrium.store.jdbc;

import dev.atrium.store.jdbc.secrets.MasterKey;
import dev.atrium.store.jdbc.secrets.MasterKeySource;

/** The master key of the store contracts' stores: one per test run, in memory (the stores are thrown away). */
final class TestKeys {
    static final MasterKeySource KEY = MasterKeySource.of(MasterKey.generate());

    private TestKeys() {}
}
