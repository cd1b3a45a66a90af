package dev.atrium.server.cli;

import dev.atrium.core.store.AtriumStore;
import dev.atrium.server.app.KeyRotation;
import dev.atrium.server.app.Stores;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code atrium keys rotate --app ID}: a new signing key; tokens signed by the old one stay valid. */
@Command(name = "keys", description = "Manage an app's token signing keys.", subcommands = KeysCommand.Rotate.class)
final class KeysCommand {

    @Command(name = "rotate", description = "Make a new signing key active; the old one keeps verifying until its tokens expire.")
    static final class Rotate implements Runnable {
        @Mixin
        ConfigOptions options;
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Option(names = "--app", required = true, description = "app id")
        String appId;

        @Override
        public void run() {
            try (AtriumStore store = Stores.open(options.load())) {
                String kid = KeyRotation.rotate(store, appId, Clock.systemUTC());
                spec.commandLine().getOut().println("new signing key " + kid + " for app " + appId
                        + " (running nodes switch within their cache-ttl)");
            }
        }
    }
}
