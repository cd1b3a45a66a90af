package dev.atrium.server.cli;

import dev.atrium.server.config.AtriumConfig;
import dev.atrium.store.jdbc.JdbcSettings;
import dev.atrium.store.jdbc.JdbcStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code atrium migrate}: applies pending schema migrations and exits (serve does it too). */
@Command(name = "migrate", description = "Apply pending schema migrations.")
final class MigrateCommand implements Runnable {
    @Mixin
    ConfigOptions options;
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Override
    public void run() {
        AtriumConfig config = options.load();
        try (JdbcStore store = JdbcStore.open(new JdbcSettings(config.effectiveStoreUrl(), 1,
                config.storeConnectTimeout(), config.storeSchema()))) {
            out().println("migrations applied: " + store.migrationsApplied() + " (store " + store.describe() + ")");
        }
    }
}
