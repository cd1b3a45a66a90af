package dev.atrium.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.core.admin.AppAdmin;
import dev.atrium.core.store.AtriumStore;
import dev.atrium.server.app.Atrium;
import dev.atrium.server.app.Stores;
import java.time.Clock;
import picocli.CommandLine.Mixin;

/**
 * A command that works on the store directly (no server needed, e.g. before the first start), or on the
 * admin API of a running server when {@code --url} or {@code ATRIUM_URL} is given.
 */
abstract class StoreOrApi extends CliCommand {
    @Mixin
    ConfigOptions options;
    @Mixin
    AdminOptions admin;

    @Override
    public void run() {
        try (AdminClient api = admin.remoteOrNull(options.dataDir)) {
            if (api != null) {
                remote(api);
                return;
            }
        }
        try (AtriumStore store = Stores.openExisting(options.load(), 2)) {
            local(store);
        }
    }

    /** With --json the API's JSON, else what {@code human} prints. */
    void print(JsonNode answer, Runnable human) {
        ApiCommand.print(out(), admin.json, answer, human);
    }

    /**
     * For {@link #local}: the admin API's own app administration over the store, so both paths
     * validate and refuse alike; a missing app fails first, naming it.
     */
    static AppAdmin appAdmin(AtriumStore store, String appId) {
        if (store.apps().find(appId).isEmpty()) {
            throw new AtriumCommand.CommandFailure("no app with id '" + appId + "'");
        }
        return Atrium.appAdmin(store, Clock.systemUTC());
    }

    abstract void remote(AdminClient api);

    abstract void local(AtriumStore store);
}
