package dev.atrium.server.cli;

import dev.atrium.core.admin.AdminTokens;
import dev.atrium.core.store.AtriumStore;
import dev.atrium.server.app.FirstStart;
import dev.atrium.server.app.Stores;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code atrium admin-tokens create --name NAME}: a new admin token made on the store, like
 * {@code migrate}, with no server and no token needed. It is the way back in when the first token
 * is lost (Keycloak's bootstrap-admin plays the same part): whoever can reach the store is already
 * trusted with everything in it. The rules are the admin API's ({@link AdminTokens#create}).
 */
@Command(name = "admin-tokens", description = "Admin tokens, made on the store (no server or token needed).",
        subcommands = AdminTokensCommand.Create.class)
final class AdminTokensCommand {

    @Command(name = "create", description = {"Create an admin token on the store and print it, once.",
        "For a lost first token: it works on the store directly, as migrate does."})
    static final class Create extends CliCommand {
        @Mixin
        ConfigOptions options;
        @Option(names = "--name", required = true, description = "what the token is for (1..64 characters)")
        String name;
        @Option(names = "--output", paramLabel = "FILE", description = "write the token to FILE (mode 0600) instead of printing it")
        Path output;

        @Override
        public void run() {
            try (AtriumStore store = Stores.openExisting(options.load(), 2)) {
                AdminTokens.Created created = new AdminTokens(store.adminTokens(), Clock.systemUTC()).create(name);
                String what = "admin token " + created.token().id() + " (" + name + ")";
                if (output != null) {
                    FirstStart.writeOwnerOnly(output.toAbsolutePath(), created.secret() + "\n");
                    out().println(what + " written to " + output.toAbsolutePath() + " (mode 0600)");
                } else {
                    // The secret alone on stdout, so T=$(atrium admin-tokens create --name x) works; the rest on stderr.
                    err().println(what + ", shown only now:");
                    out().println(created.secret());
                }
            }
        }
    }
}
