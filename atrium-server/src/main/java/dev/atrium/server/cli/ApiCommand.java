package dev.atrium.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A command that only talks to a running server through the admin API. */
abstract class ApiCommand extends CliCommand {
    @Mixin
    AdminOptions admin;
    @Option(names = "--data-dir", paramLabel = "DIR", description = "where the default admin-token file is (env ATRIUM_DATA_DIR, default ./atrium-data)")
    String dataDir;

    @Override
    public final void run() {
        try (AdminClient api = admin.client(dataDir)) {
            call(api);
        }
    }

    abstract void call(AdminClient api);

    /** With --json the API's JSON, else what {@code human} prints. */
    void print(JsonNode answer, Runnable human) {
        print(out(), admin.json, answer, human);
    }

    static void print(PrintWriter out, boolean json, JsonNode answer, Runnable human) {
        if (json) {
            if (answer != null) {
                out.println(AdminClient.pretty(answer));
            }
        } else {
            human.run();
        }
    }

    /** Puts {@code value} under {@code key} unless it is null: an option not given stays out of the request. */
    static void putGiven(java.util.Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /** {@code /apps/<id>}, encoded. */
    static String appPath(String appId) {
        return "/apps/" + AdminClient.seg(appId);
    }
}
