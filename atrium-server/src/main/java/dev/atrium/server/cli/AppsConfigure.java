package dev.atrium.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.core.apps.AppSettings;
import dev.atrium.core.store.AtriumStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code atrium apps configure --app ID …}: change an app's settings, in the store (running nodes apply
 * them within cache-ttl) or, with {@code --url}, through the admin API.
 */
@Command(name = "configure", description = "Change an app's settings (only the options given).")
final class AppsConfigure extends StoreOrApi {
    @Mixin
    SettingsOptions settings;
    @Mixin
    AppOption app;

    @Override
    void remote(AdminClient api) {
        JsonNode next = api.send("PATCH", ApiCommand.appPath(app.id) + "/settings", settings.patch());
        print(next, () -> out().println("settings of app " + app.id + ": "
                + next.properties().stream().map(e -> e.getKey() + "=" + Table.text(e.getValue())).toList()));
    }

    @Override
    void local(AtriumStore store) {
        AppSettings next = appAdmin(store, app.id).patchSettings(app.id, settings.patch());
        out().println("settings of app " + app.id + ": " + next.toMap().keySet().stream()
                .map(k -> k + "=" + (k.equals("webhook_secret") ? "***" : next.toMap().get(k))).toList());
    }
}
