package dev.atrium.store.tck.memory;

import dev.atrium.core.store.AtriumStore;
import dev.atrium.core.store.memory.InMemoryStore;
import dev.atrium.store.tck.AdminTokenStoreContract;
import dev.atrium.store.tck.ApiKeyStoreContract;
import dev.atrium.store.tck.AppStoreContract;
import dev.atrium.store.tck.EventStoreContract;
import dev.atrium.store.tck.LinkStoreContract;
import dev.atrium.store.tck.RedirectStateStoreContract;
import dev.atrium.store.tck.SessionStoreContract;
import dev.atrium.store.tck.SigningKeyStoreContract;
import dev.atrium.store.tck.SignupStoreContract;
import dev.atrium.store.tck.SweepStoreContract;
import dev.atrium.store.tck.UserStoreContract;
import dev.atrium.store.tck.UserpassStoreContract;
import org.junit.jupiter.api.Nested;

/** Every store contract against the in-memory reference store, a new one per test. */
class InMemoryStoreTest {

    private static AtriumStore open() {
        return new InMemoryStore();
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
