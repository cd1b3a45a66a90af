package dev.atrium.store.tck;

import dev.atrium.core.store.AtriumStore;
import org.junit.jupiter.api.Nested;

/**
 * The whole set of store contracts, offered once. A backend runs all of them by extending this
 * class and saying how to make a store; JUnit finds the nested contract classes through the
 * subclass. Adding a contract is one edit: a nested class here.
 *
 * <pre>{@code
 * class InMemoryStoreTest extends StoreContracts {
 *     protected AtriumStore newStore() { return new InMemoryStore(); }
 * }
 * }</pre>
 *
 * <p>{@link SecretsAtRestContract} is not among them: only the backends that keep data at rest run
 * it, each with a way to read what it stored.
 */
public abstract class StoreContracts {

    /** A new, empty store of the backend under test; each contract test closes the one it got. */
    protected abstract AtriumStore newStore();

    @Nested
    class Apps extends AppStoreContract {
        @Override
        protected AtriumStore newStore() {
            return StoreContracts.this.newStore();
        }
    }

    @Nested
    class Users extends UserStoreContract {
        @Override
        protected AtriumStore newStore() {
            return StoreContracts.this.newStore();
        }
    }

    @Nested
    class Sessions extends SessionStoreContract {
        @Override
        protected AtriumStore newStore() {
            return StoreContracts.this.newStore();
        }
    }

    @Nested
    class Signups extends SignupStoreContract {
        @Override
        protected AtriumStore newStore() {
            return StoreContracts.this.newStore();
        }
    }

    @Nested
    class SigningKeys extends SigningKeyStoreContract {
        @Override
        protected AtriumStore newStore() {
            return StoreContracts.this.newStore();
        }
    }

    @Nested
    class AdminTokens extends AdminTokenStoreContract {
        @Override
        protected AtriumStore newStore() {
            return StoreContracts.this.newStore();
        }
    }

    @Nested
    class GuestIdentities extends GuestIdentityContract {
        @Override
        protected AtriumStore newStore() {
            return StoreContracts.this.newStore();
        }
    }

    @Nested
    class Links extends LinkStoreContract {
        @Override
        protected AtriumStore newStore() {
            return StoreContracts.this.newStore();
        }
    }

    @Nested
    class Userpass extends UserpassStoreContract {
        @Override
        protected AtriumStore newStore() {
            return StoreContracts.this.newStore();
        }
    }

    @Nested
    class ApiKeys extends ApiKeyStoreContract {
        @Override
        protected AtriumStore newStore() {
            return StoreContracts.this.newStore();
        }
    }

    @Nested
    class Events extends EventStoreContract {
        @Override
        protected AtriumStore newStore() {
            return StoreContracts.this.newStore();
        }
    }

    @Nested
    class Sweeps extends SweepStoreContract {
        @Override
        protected AtriumStore newStore() {
            return StoreContracts.this.newStore();
        }
    }

    @Nested
    class Merges extends MergeStoreContract {
        @Override
        protected AtriumStore newStore() {
            return StoreContracts.this.newStore();
        }
    }

    @Nested
    class RedirectStates extends RedirectStateStoreContract {
        @Override
        protected AtriumStore newStore() {
            return StoreContracts.this.newStore();
        }
    }

    @Nested
    class UserQueries extends UserQueryStoreContract {
        @Override
        protected AtriumStore newStore() {
            return StoreContracts.this.newStore();
        }
    }

    @Nested
    class EventQueries extends EventQueryStoreContract {
        @Override
        protected AtriumStore newStore() {
            return StoreContracts.this.newStore();
        }
    }

    @Nested
    class Passkeys extends PasskeyStoreContract {
        @Override
        protected AtriumStore newStore() {
            return StoreContracts.this.newStore();
        }
    }

    @Nested
    class Imports extends ImportStoreContract {
        @Override
        protected AtriumStore newStore() {
            return StoreContracts.this.newStore();
        }
    }
}
