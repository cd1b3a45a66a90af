package dev.atrium.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.core.store.AtriumStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code atrium keys rotate|list --app ID}: an app's token signing keys; tokens signed by an old one
 * stay valid. And the master key that encrypts them at rest ({@link MasterKeyCommands}).
 */
@Command(name = "keys", description = "Manage apps' token signing keys and the master key that encrypts secrets at rest.",
        subcommands = {KeysCommand.Rotate.class, KeysCommand.ListKeys.class, MasterKeyCommands.NewMasterKey.class,
            MasterKeyCommands.Rewrap.class, MasterKeyCommands.ResetAfterLostMasterKey.class})
final class KeysCommand {

    @Command(name = "rotate", description = "Make a new signing key active; the old one keeps verifying until its tokens expire.")
    static final class Rotate extends StoreOrApi {
        @Mixin
        AppOption app;
        @Option(names = "--alg", description = "ES256 (what new apps sign with) or EdDSA (faster, but many JWT libraries lack it); default: keep the app's")
        String alg;

        @Override
        void remote(AdminClient api) {
            JsonNode key = api.send("POST", ApiCommand.appPath(app.id) + "/signing_keys/rotate",
                    alg == null ? null : java.util.Map.of("alg", alg));
            print(key, () -> done(key.path("kid").asText()));
        }

        @Override
        void local(AtriumStore store) {
            done(appAdmin(store, app.id).rotate(app.id, alg).kid());
        }

        private void done(String kid) {
            out().println("new signing key " + kid + " for app " + app.id + " (running nodes switch within their cache-ttl)");
        }
    }

    @Command(name = "list", description = "The app's signing keys, public part only; on the store, or with --url through the admin API.")
    static final class ListKeys extends StoreOrApi {
        @Mixin
        AppOption app;

        @Override
        void remote(AdminClient api) {
            JsonNode keys = api.get(ApiCommand.appPath(app.id) + "/signing_keys");
            print(keys, () -> {
                Table t = new Table("KID", "ALG", "STATE", "CREATED", "RETIRED");
                keys.forEach(k -> t.row(k.get("kid"), k.get("alg"), k.get("state"), k.get("created_at"), k.get("retired_at")));
                t.print(out());
            });
        }

        @Override
        void local(AtriumStore store) {
            Table t = new Table("KID", "ALG", "STATE", "CREATED", "RETIRED");
            appAdmin(store, app.id).signingKeys(app.id).forEach(k -> t.row(k.kid(), k.alg(), k.state(), k.createdAt(), k.retiredAt()));
            t.print(out());
        }
    }
}
