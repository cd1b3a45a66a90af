package dev.atrium.server.cli;

import dev.atrium.core.events.UserEvent;
import dev.atrium.core.store.AtriumStore;
import dev.atrium.server.app.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code atrium events list}: recent lifecycle events and their delivery state. */
@Command(name = "events", description = "Lifecycle events (user.created, user.linked, user.merged, user.deleted).",
        subcommands = EventsCommand.ListEvents.class)
final class EventsCommand {

    @Command(name = "list", description = "Recent events, newest first, with their delivery state.")
    static final class ListEvents extends CliCommand {
        @Mixin
        ConfigOptions options;
        @Option(names = "--app", description = "only this app")
        String appId;
        @Option(names = "--limit", description = "how many (default 50)")
        int limit = 50;

        @Override
        public void run() {
            var out = out();
            try (AtriumStore store = Stores.openExisting(options.load(), 2)) {
                out.printf("%-10s %-13s %-24s %-14s %-24s %-9s %s%n", "ID", "TYPE", "USER", "DETAIL", "AT", "STATE", "ATTEMPTS/ERROR");
                for (UserEvent e : store.events().recent(appId, Math.max(1, Math.min(limit, 10_000)))) {
                    out.printf("%-10s %-13s %-24s %-14s %-24s %-9s %s%n", e.deliveryId(), e.type(), e.userId(), e.detail(),
                            e.createdAt(), e.state(), e.attempts() + (e.lastError() == null ? "" : " " + e.lastError()));
                }
            }
        }
    }
}
