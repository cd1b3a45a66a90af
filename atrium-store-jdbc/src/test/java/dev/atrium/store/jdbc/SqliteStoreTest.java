package dev.atrium.store.jdbc;

import dev.atrium.core.store.AtriumStore;
import dev.atrium.store.tck.AdminTokenStoreContract;
import dev.atrium.store.tck.ApiKeyStoreContract;
import dev.atrium.store.tck.AppStoreContract;
import dev.atrium.store.tck.EventStoreContract;
import dev.atrium.store.tck.LinkStoreContract;
import dev.atrium.store.tck.SessionStoreContract;
import dev.atrium.store.tck.SigningKeyStoreContract;
import dev.atrium.store.tck.SignupStoreContract;
import dev.atrium.store.tck.SweepStoreContract;
import dev.atrium.store.tck.UserStoreContract;
import dev.atrium.store.tck.UserpassStoreContract;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** Every store contract against SQLite: a fresh database file per test, in a temporary directory. */
class SqliteStoreTest {
    private static final AtomicInteger FILES = new AtomicInteger();

    @TempDir
    static Path dir;

    private static AtriumStore open() {
        Path file = dir.resolve("atrium-" + FILES.incrementAndGet() + ".db");
        return JdbcStore.open(new JdbcSettings("sqlite:" + file, 4, Duration.ofSeconds(10), null));
    }

    @Nested
    class Apps extends AppStoreContract {
        @Override
        protected AtriumStore newStore() {
            return open();
        }
    }

    @Nested
    class Users extends UserStoreContract {
        @Override
        protected AtriumStore newStore() {
            return open();
        }
    }

    @Nested
    class Sessions extends SessionStoreContract {
        @Override
        protected AtriumStore newStore() {
            return open();
        }
    }

    @Nested
    class Signups extends SignupStoreContract {
        @Override
        protected AtriumStore newStore() {
            return open();
        }
    }

    @Nested
    class SigningKeys extends SigningKeyStoreContract {
        @Override
        protected AtriumStore newStore() {
            return open();
        }
    }

    @Nested
    class AdminTokens extends AdminTokenStoreContract {
        @Override
        protected AtriumStore newStore() {
            return open();
        }
    }

    @Nested
    class Links extends LinkStoreContract {
        @Override
        protected AtriumStore newStore() {
            return open();
        }
    }

    @Nested
    class Userpass extends UserpassStoreContract {
        @Override
        protected AtriumStore newStore() {
            return open();
        }
    }

    @Nested
    class ApiKeys extends ApiKeyStoreContract {
        @Override
        protected AtriumStore newStore() {
            return open();
        }
    }

    @Nested
    class Events extends EventStoreContract {
        @Override
        protected AtriumStore newStore() {
            return open();
        }
    }

    @Nested
    class Sweeps extends SweepStoreContract {
        @Override
        protected AtriumStore newStore() {
            return open();
        }
    }
}
