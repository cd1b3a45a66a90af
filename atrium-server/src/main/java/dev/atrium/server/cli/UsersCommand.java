package dev.atrium.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atrium users …}: an app's users, through the admin API of a running server. */
@Command(name = "users", description = "Search, list, inspect, create, invite, disable, enable, delete users, send password "
        + "resets, revoke their sessions and passkeys (admin API).",
        subcommands = {UsersCommand.ListUsers.class, UsersCommand.Get.class, UserAccounts.Create.class, UserAccounts.Invite.class,
                UserAccounts.ResetPassword.class, UserActions.Disable.class, UserActions.Enable.class,
                UserActions.Delete.class, UserActions.Revoke.class, UserActions.BulkDelete.class, UserPasskeys.List.class,
                UserPasskeys.Revoke.class, SendResets.class})
final class UsersCommand {

    @Command(name = "list", description = {"Users matching --search and the filters, oldest first (or --sort), one page at a time "
        + "(--cursor for the next), with the number of all matches."})
    static final class ListUsers extends ApiCommand {
        @Mixin
        AppOption app;
        @Mixin
        UserFilterOptions filter;
        @Option(names = "--limit", description = "page size, 1..500 (default 50)")
        Integer limit;
        @Option(names = "--cursor", description = "the next cursor printed by the previous page")
        String cursor;
        @Option(names = "--sort", paramLabel = "ORDER", description = "created (default), -created (newest first), last_active, -last_active")
        String sort;

        @Override
        void call(AdminClient api) {
            Map<String, Object> query = filter.values();
            query.put("limit", limit);
            query.put("cursor", cursor);
            query.put("sort", sort);
            JsonNode page = api.get(appPath(app.id) + "/users", query);
            print(page, () -> {
                Table t = new Table("ID", "IDENTITY", "KIND", "PROVIDERS", "DISABLED", "CREATED", "LAST ACTIVE");
                for (JsonNode u : page.path("users")) {
                    t.row(u.get("id"), identity(u), kind(u), u.get("providers"), u.get("disabled"), u.get("created_at"),
                            u.get("last_active_at"));
                }
                t.print(out());
                JsonNode next = page.path("next_cursor");
                out().println(page.path("total").asLong() + " users match");
                out().println(next.isTextual() ? "next page: --cursor " + next.asText() : "(last page)");
            });
        }
    }

    @Command(name = "get", description = "A user with its identities and sessions.")
    static final class Get extends ApiCommand {
        @Mixin
        AppOption app;
        @Parameters(index = "0", paramLabel = "USER", description = "user id")
        String userId;

        @Override
        void call(AdminClient api) {
            JsonNode u = api.get(appPath(app.id) + "/users/" + AdminClient.seg(userId));
            print(u, () -> describe(out(), u));
        }
    }

    /** The identity column: the e-mail, else the lasting identity's provider and subject, else "-" (a guest). */
    static String identity(JsonNode user) {
        if (user.path("email").isTextual()) {
            return user.get("email").asText();
        }
        JsonNode i = user.path("identity");
        return i.isObject() ? i.path("provider_type").asText() + ":" + i.path("subject").asText() : "-";
    }

    /** anonymous or linked, as the list filter names them. */
    static String kind(JsonNode user) {
        return user.path("anonymous").asBoolean() ? "anonymous" : "linked";
    }

    /** A UserDetail: its fields, then its identities and sessions. */
    static void describe(java.io.PrintWriter out, JsonNode u) {
        new Table("FIELD", "VALUE").row("id", u.get("id")).row("kind", kind(u)).row("type", u.get("type"))
                .row("disabled", u.get("disabled")).row("created", u.get("created_at")).row("last active", u.get("last_active_at"))
                .row("providers", u.get("providers"))
                .row("custom data", u.path("custom_data").isEmpty() ? null : u.get("custom_data").toString()).print(out);
        out.println();
        Table ids = new Table("IDENTITY", "PROVIDER", "CREATED");
        u.path("identities").forEach(i -> ids.row(i.get("id"), i.get("provider_type"), i.get("created_at")));
        ids.print(out);
        out.println();
        Table sessions = new Table("SESSION", "DEVICE", "CREATED", "EXPIRES");
        u.path("sessions").forEach(s -> sessions.row(s.get("id"), s.get("device_id"), s.get("created_at"), s.get("expires_at")));
        sessions.print(out);
    }
}
