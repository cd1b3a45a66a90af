package dev.atrium.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.Apps;
import dev.atrium.core.store.AtriumStore;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code atrium apps create|list|get|settings|configure}. create, list and configure work on the store
 * (no server needed) unless {@code --url} or {@code ATRIUM_URL} is given; get and settings use the admin API.
 */
@Command(name = "apps", description = "Create, list, inspect and configure apps.",
        subcommands = {AppsCommand.Create.class, AppsCommand.ListApps.class, AppsCommand.Get.class, AppsSettings.class, AppsConfigure.class})
final class AppsCommand {

    @Command(name = "create", description = "Create an app with anon-user enabled; prints its id.")
    static final class Create extends StoreOrApi {
        @Parameters(index = "0", paramLabel = "NAME", description = "the app's name; its id is made from it")
        String name;

        @Override
        void remote(AdminClient api) {
            JsonNode app = api.send("POST", "/apps", Map.of("name", name));
            print(app, () -> out().println("app id: " + app.path("id").asText()));
        }

        @Override
        void local(AtriumStore store) {
            Instant now = Instant.now();
            App app = Apps.newApp(name, now);
            store.apps().create(app, Apps.defaultProviders(app, now));
            out().println("app id: " + app.id());
        }
    }

    @Command(name = "list", description = "List apps, oldest first.")
    static final class ListApps extends StoreOrApi {
        @Override
        void remote(AdminClient api) {
            JsonNode apps = api.get("/apps");
            print(apps, () -> {
                Table t = new Table("ID", "NAME", "CREATED");
                apps.forEach(a -> t.row(a.get("id"), a.get("name"), a.get("created_at")));
                t.print(out());
            });
        }

        @Override
        void local(AtriumStore store) {
            Table t = new Table("ID", "NAME", "CREATED");
            store.apps().list().forEach(a -> t.row(a.id(), a.name(), a.createdAt()));
            t.print(out());
        }
    }

    @Command(name = "get", description = "An app with its settings and providers (admin API).")
    static final class Get extends ApiCommand {
        @Mixin
        AppOption app;

        @Override
        void call(AdminClient api) {
            JsonNode found = api.get(appPath(app.id));
            print(found, () -> {
                new Table("FIELD", "VALUE").row("id", found.get("id")).row("name", found.get("name"))
                        .row("created", found.get("created_at")).print(out());
                out().println();
                AppsSettings.table(found.path("settings")).print(out());
                out().println();
                Table providers = new Table("PROVIDER", "ENABLED");
                api.get(appPath(app.id) + "/providers").forEach(p -> providers.row(p.get("type"), p.get("enabled")));
                providers.print(out());
            });
        }
    }
}
