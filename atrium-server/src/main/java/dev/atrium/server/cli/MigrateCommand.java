package dev.atrium.server.cli;

import dev.atrium.server.config.AtriumConfig;
import dev.atrium.server.app.Stores;
import dev.atrium.store.jdbc.JdbcStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code atrium migrate}: applies pending schema migrations and exits (serve does it too). */
@Command(name = "migrate", description = "Apply pending schema migrations.")
final class MigrateCommand extends CliCommand {
    @Mixin
    ConfigOptions options;

    @Override
    public void run() {
        AtriumConfig config = options.load();
        try (JdbcStore store = Stores.open(config, 1, null)) {
            out().println("migrations applied: " + store.migrationsApplied() + " (store " + store.describe() + ")");
        }
    }
}
