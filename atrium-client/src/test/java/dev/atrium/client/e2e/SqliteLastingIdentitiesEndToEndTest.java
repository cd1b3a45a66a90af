package dev.atrium.client.e2e;

import dev.atrium.client.testing.Backend;
import java.nio.file.Path;

/** The contracts that wait for the server's e-mail/password and API-key providers, on SQLite. */
class SqliteLastingIdentitiesEndToEndTest extends EndToEndBase
        implements LinkingContract, ApiKeyContract, EmailPasswordContract, AuthStateContract {
    @Override
    Backend backend(Path dir) {
        return Backend.sqlite(dir);
    }
}
