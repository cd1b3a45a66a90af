package dev.atrium.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code atrium users send-resets --app ID}: invites the e-mail users an import brought over without
 * a password to set one, a throttled run on the server (docs/migrating-from-app-services.md).
 */
@Command(name = "send-resets", description = {
        "Send a password reset to every e-mail user without a password (imported from App Services), at most "
                + "--per-second a second, in the background on the server (admin API). Run again to reach whoever "
                + "the last run did not.",
        "--status shows the run, --stop stops it, --wait follows it to its end."})
final class SendResets extends ApiCommand {
    private static final String PATH = "/password-invitations";
    @Mixin
    AppOption app;
    @Option(names = "--per-second", paramLabel = "N", description = "messages a second, 1..1000 (default 10)")
    Integer perSecond;
    @Option(names = "--status", description = "show the app's current or last run; start nothing")
    boolean status;
    @Option(names = "--stop", description = "stop the app's run")
    boolean stop;
    @Option(names = "--wait", description = "follow the run until it ends")
    boolean follow;

    @Override
    void call(AdminClient api) {
        String path = appPath(app.id) + PATH;
        JsonNode run;
        if (stop) {
            run = api.send("DELETE", path, null);
        } else if (status) {
            run = api.get(path);
        } else {
            Map<String, Object> body = new LinkedHashMap<>();
            putGiven(body, "per_second", perSecond);
            run = api.send("POST", path, body);
        }
        while (follow && "running".equals(run.path("state").asText())) {
            sleep();
            run = api.get(path);
        }
        JsonNode shown = run;
        print(shown, () -> out().println(line(shown)));
    }

    static String line(JsonNode r) {
        return "app " + r.path("app_id").asText() + ": " + r.path("state").asText() + ", " + r.path("sent").asLong()
                + " sent, " + r.path("throttled").asLong() + " throttled (a later run reaches them), "
                + r.path("failed").asLong() + " failed, at most " + r.path("per_second").asInt() + "/s since "
                + r.path("started_at").asText() + (r.path("last_error").isTextual() ? "; last error: "
                + r.path("last_error").asText() : "");
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtriumCommand.CommandFailure("interrupted");
        }
    }
}
