package dev.atrium.store.jdbc;

import dev.atrium.core.store.AtriumStore;
import dev.atrium.store.tck.AdminTokenStoreContract;
import dev.atrium.store.tck.ApiKeyStoreContract;
import dev.atrium.store.tck.AppStoreContract;
import dev.atrium.store.tck.EventStoreContract;
import dev.atrium.store.tck.LinkStoreContract;
import dev.atrium.store.tck.SecretsAtRestContract;
import dev.atrium.store.tck.RedirectStateStoreContract;
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

    /** The file of the store the current test opened. */
    private static Path current;

    private static AtriumStore open() {
        current = dir.resolve("atrium-" + FILES.incrementAndGet() + ".db");
        return JdbcStore.open(new JdbcSettings("sqlite:" + current, 4, Duration.ofSeconds(10), null), TestKeys.KEY);
    }

    /** The bytes of the database file and its write-ahead log, as the attacker reading them sees them. */
    static String fileBytes(Path db) {
        StringBuilder text = new StringBuilder();
        for (Path f : new Path[] {db, Path.of(db + "-wal")}) {
            try {
                if (java.nio.file.Files.exists(f)) {
                    text.append(new String(java.nio.file.Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return text.toString();
    }

    @Nested
    class SecretsAtRest extends SecretsAtRestContract {
        @Override
        protected AtriumStore newStore() {
            return open();
        }

        @Override
        protected String storedText() {
            return fileBytes(current);
        }
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

    @Nested
    class RedirectStates extends RedirectStateStoreContract {
        @Override
        protected AtriumStore newStore() {
            return open();
        }
    }
}
