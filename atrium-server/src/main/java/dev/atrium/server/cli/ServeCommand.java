package dev.atrium.server.cli;

import dev.atrium.server.app.Atrium;
import dev.atrium.server.app.FirstStart;
import dev.atrium.server.config.AtriumConfig;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code atrium serve}: runs the server until interrupted. */
@Command(name = "serve", description = "Start the server (SQLite under ./atrium-data by default).")
final class ServeCommand extends CliCommand {
    @Mixin
    ConfigOptions options;

    @Override
    public void run() {
        AtriumConfig config = options.load();
        Atrium atrium = Atrium.start(config, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            atrium.close();
            stopped.countDown();
        }, "atrium-shutdown"));
        FirstStart.Outcome first = atrium.firstStart();
        out().println("Atrium is serving (store " + atrium.store().describe() + ")");
        out().println("app id: " + first.app().id());
        out().println("base URL: " + atrium.publicUrl());
        if (first.created()) {
            out().println("admin token: written to " + first.adminTokenFile() + " (mode 0600)");
        } else if (java.nio.file.Files.exists(first.adminTokenFile())) {
            out().println("admin token: in " + first.adminTokenFile() + " (written on first start)");
        } else {
            out().println("admin token: written on first start by the node that created the store; lost? "
                    + "atrium admin-tokens create --name NAME makes another");
        }
        out().println("master key: " + config.effectiveMasterKeyFile() + " (back it up apart from the database)");
        out().flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
