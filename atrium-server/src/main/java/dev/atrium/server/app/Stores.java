package dev.atrium.server.app;

import dev.atrium.core.store.AtriumStore;
import dev.atrium.server.config.AtriumConfig;
import dev.atrium.store.jdbc.JdbcSettings;
import dev.atrium.store.jdbc.JdbcStore;

/** Opens the configured store (migrating it) for {@code serve} and the CLI alike. */
public final class Stores {
    private Stores() {}

    public static AtriumStore open(AtriumConfig config) {
        return open(config, null);
    }

    /** Opens the store with its pools reporting to {@code meterRegistry} (null: no pool metrics). */
    public static AtriumStore open(AtriumConfig config, Object meterRegistry) {
        return JdbcStore.open(new JdbcSettings(config.effectiveStoreUrl(), config.storePoolSize(),
                config.storeConnectTimeout(), config.storeSchema(), meterRegistry));
    }
}
