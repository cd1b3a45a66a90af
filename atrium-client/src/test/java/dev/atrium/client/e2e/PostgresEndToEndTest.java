package dev.atrium.client.e2e;

import dev.atrium.client.testing.Backend;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/** Every SDK contract against a server on PostgreSQL (fails, never skips, when PostgreSQL is unreachable). */
@Tag("postgres")
class PostgresEndToEndTest extends EndToEndBase
        implements GuestContract, PersistenceContract, RefreshContract, RefusalContract, ConcurrencyContract,
        LocationContract {
    @Override
    Backend backend(Path dir) {
        return Backend.postgres();
    }
}
