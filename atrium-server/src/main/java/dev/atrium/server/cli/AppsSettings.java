package dev.atrium.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code atrium apps settings --app ID [changes]}: show an app's settings, or change some, through the admin API. */
@Command(name = "settings", description = "Show an app's settings; with options, change those (admin API).")
final class AppsSettings extends ApiCommand {
    @Mixin
    AppOption app;
    @Mixin
    SettingsOptions changes;

    @Override
    void call(AdminClient api) {
        var patch = changes.patch();
        JsonNode settings = patch.isEmpty() ? api.get(appPath(app.id)).path("settings")
                : api.send("PATCH", appPath(app.id) + "/settings", patch);
        print(settings, () -> table(settings).print(out()));
    }

    /** Settings as SETTING / VALUE rows, in the API's order (the webhook secret is never shown, only whether it is set). */
    static Table table(JsonNode settings) {
        Table t = new Table("SETTING", "VALUE");
        settings.properties().forEach(e -> t.row(e.getKey(), e.getValue()));
        return t;
    }
}
