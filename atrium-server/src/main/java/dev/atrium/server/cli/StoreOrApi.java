package dev.atrium.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.core.store.AtriumStore;
import dev.atrium.server.app.Stores;
import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works on the store directly (no server needed, e.g. before the first start), or on the
 * admin API of a running server when {@code --url} or {@code ATRIUM_URL} is given.
 */
abstract class StoreOrApi implements Runnable {
    @Mixin
    ConfigOptions options;
    @Mixin
    AdminOptions admin;
    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Override
    public void run() {
        try (AdminClient api = admin.remoteOrNull(options.dataDir)) {
            if (api != null) {
                remote(api);
                return;
            }
        }
        try (AtriumStore store = Stores.open(options.load())) {
            local(store);
        }
    }

    /** With --json the API's JSON, else what {@code human} prints. */
    void print(JsonNode answer, Runnable human) {
        ApiCommand.print(out(), admin.json, answer, human);
    }

    abstract void remote(AdminClient api);

    abstract void local(AtriumStore store);
}
