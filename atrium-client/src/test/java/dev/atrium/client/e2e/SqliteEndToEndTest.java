package dev.atrium.client.e2e;

import dev.atrium.client.testing.Backend;
import java.nio.file.Path;

/** Every SDK contract against a server on SQLite. */
class SqliteEndToEndTest extends EndToEndBase
        implements GuestContract, PersistenceContract, RefreshContract, RefusalContract, ConcurrencyContract,
        LocationContract {
    @Override
    Backend backend(Path dir) {
        return Backend.sqlite(dir);
    }
}
