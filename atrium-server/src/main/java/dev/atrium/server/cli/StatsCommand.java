package dev.atrium.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code atrium stats --app ID}: users by kind, then guest sign-ups, conversions and sweeps per
 * hour, then conversions by provider (linked or merged) over the period (admin API).
 */
@Command(name = "stats", description = "Users by kind; guest sign-ups, conversions and sweeps per hour; conversions by provider (admin API).")
final class StatsCommand extends ApiCommand {
    @Mixin
    AppOption app;
    @Option(names = "--hours", description = "hours of history, 1..720 (default 48; at most event-retention back)")
    Integer hours;

    @Override
    void call(AdminClient api) {
        JsonNode s = api.get(appPath(app.id) + "/stats", Collections.singletonMap("hours", hours));
        print(s, () -> {
            JsonNode users = s.path("users");
            new Table("USERS", "COUNT").row("total", users.get("total")).row("anonymous", users.get("anonymous"))
                    .row("linked", users.get("linked")).row("disabled", users.get("disabled")).print(out());
            out().println();
            Table t = new Table("HOUR", "GUEST SIGN-UPS", "CONVERSIONS", "MERGES", "SWEPT", "DELETED");
            s.path("hours").forEach(h -> t.row(h.get("hour"), h.get("guest_signups"), h.get("conversions"), h.get("merges"),
                    h.get("swept"), h.get("deleted")));
            t.print(out());
            out().println();
            Table byProvider = new Table("CONVERTED BY", "LINKED", "MERGED", "TOTAL");
            s.path("conversions").forEach(c -> byProvider.row(c.get("provider"), c.get("linked"), c.get("merged"), c.get("total")));
            if (s.path("conversions").isEmpty()) {
                byProvider.row("(none in this period)");
            }
            byProvider.print(out());
            JsonNode sweeps = s.path("sweeps");
            out().println();
            out().println("swept in total: " + sweeps.path("swept_total").asLong() + " (last sweep: "
                    + Table.text(sweeps.get("last_swept_at")) + ")");
        });
    }
}
