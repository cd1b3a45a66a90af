package dev.atrium.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atrium users disable|enable|delete|revoke --app ID USER} and {@code users bulk-delete}. */
final class UserActions {
    private UserActions() {}

    abstract static class OnUser extends ApiCommand {
        @Mixin
        AppOption app;
        @Parameters(index = "0", paramLabel = "USER", description = "user id")
        String userId;

        String user() {
            return appPath(app.id) + "/users/" + AdminClient.seg(userId);
        }
    }

    @Command(name = "disable", description = "Disable a user: no login or refresh until enabled.")
    static final class Disable extends OnUser {
        @Override
        void call(AdminClient api) {
            JsonNode u = api.send("POST", user() + "/disable", null);
            print(u, () -> out().println("user " + userId + " disabled (no login or refresh)"));
        }
    }

    @Command(name = "enable", description = "Enable a disabled user.")
    static final class Enable extends OnUser {
        @Override
        void call(AdminClient api) {
            JsonNode u = api.send("POST", user() + "/enable", null);
            print(u, () -> out().println("user " + userId + " enabled"));
        }
    }

    @Command(name = "delete", description = "Delete a user (event user.deleted, reason admin); --json prints nothing (204).")
    static final class Delete extends OnUser {
        @Override
        void call(AdminClient api) {
            api.send("DELETE", user(), null);
            print(null, () -> out().println("user " + userId + " deleted"));
        }
    }

    @Command(name = "revoke", description = "Revoke all the user's sessions (refresh tokens stop working).")
    static final class Revoke extends OnUser {
        @Override
        void call(AdminClient api) {
            JsonNode r = api.send("POST", user() + "/revoke", null);
            print(r, () -> out().println("revoked " + r.path("revoked").asLong() + " sessions of user " + userId));
        }
    }

    @Command(name = "bulk-delete", description = "Delete every user matching the filters; without --yes only count them.")
    static final class BulkDelete extends ApiCommand {
        @Mixin
        AppOption app;
        @Mixin
        UserFilterOptions filter;
        @Option(names = "--yes", description = "really delete (default: a dry run that counts)")
        boolean yes;
        @Option(names = "--all", description = "with no filter: yes, every user of the app (refused without it)")
        boolean all;

        @Override
        void call(AdminClient api) {
            Map<String, Object> body = filter.values();
            body.put("dry_run", !yes);
            body.put("all", all);
            JsonNode r = api.send("POST", appPath(app.id) + "/users/bulk-delete", body);
            long n = r.path("count").asLong();
            print(r, () -> out().println(yes ? "deleted " + n + " users of app " + app.id
                    : "would delete " + n + " users of app " + app.id + " (dry run; add --yes to delete them)"));
        }
    }
}
