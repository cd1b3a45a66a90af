package dev.atrium.server.cli;

import dev.atrium.core.apps.App;
import dev.atrium.core.apps.Apps;
import dev.atrium.core.store.AtriumStore;
import dev.atrium.server.app.Stores;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code atrium apps create|list}: manage apps directly in the store. */
@Command(name = "apps", description = "Create and list apps.", subcommands = {AppsCommand.Create.class, AppsCommand.ListApps.class, AppsConfigure.class})
final class AppsCommand {

    @Command(name = "create", description = "Create an app with anon-user enabled; prints its id.")
    static final class Create implements Runnable {
        @Mixin
        ConfigOptions options;
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        java.io.PrintWriter out() {
            return spec.commandLine().getOut();
        }
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public void run() {
            try (AtriumStore store = Stores.open(options.load())) {
                Instant now = Instant.now();
                App app = Apps.newApp(name, now);
                store.apps().create(app, Apps.defaultProviders(app, now));
                out().println("app id: " + app.id());
            }
        }
    }

    @Command(name = "list", description = "List apps, oldest first.")
    static final class ListApps implements Runnable {
        @Mixin
        ConfigOptions options;
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        java.io.PrintWriter out() {
            return spec.commandLine().getOut();
        }

        @Override
        public void run() {
            try (AtriumStore store = Stores.open(options.load())) {
                out().printf("%-40s %-24s %s%n", "ID", "NAME", "CREATED");
                for (App app : store.apps().list()) {
                    out().printf("%-40s %-24s %s%n", app.id(), app.name(), app.createdAt());
                }
            }
        }
    }
}
