package dev.atrium.server.cli;

import dev.atrium.core.events.EventFilter;
import dev.atrium.core.events.UserEvent;
import dev.atrium.core.store.AtriumStore;
import dev.atrium.server.app.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code atrium events list|retry}: recent lifecycle events and their delivery state; failed deliveries retried now. */
@Command(name = "events", description = "Lifecycle events (user.created, user.linked, user.merged, user.deleted).",
        subcommands = {EventsCommand.ListEvents.class, EventsCommand.Retry.class})
final class EventsCommand {

    @Command(name = "list", description = "Recent events, newest first, with their delivery state.")
    static final class ListEvents extends CliCommand {
        @Mixin
        ConfigOptions options;
        @Option(names = "--app", description = "only this app")
        String appId;
        @Option(names = "--limit", description = "how many (default 50)")
        int limit = 50;
        @Option(names = "--state", paramLabel = "STATE", description = "pending, failed (pending after a failed attempt), delivered or skipped")
        String state;
        @Option(names = "--type", paramLabel = "TYPE", description = "user.created, user.linked, user.merged or user.deleted")
        String type;

        @Override
        public void run() {
            var out = out();
            EventFilter filter;
            try {
                filter = new EventFilter(state == null ? null : EventFilter.State.parse(state), type);
            } catch (IllegalArgumentException e) {
                throw new AtriumCommand.CommandFailure(e.getMessage());
            }
            try (AtriumStore store = Stores.openExisting(options.load(), 2)) {
                out.printf("%-10s %-13s %-24s %-14s %-24s %-9s %s%n", "ID", "TYPE", "USER", "DETAIL", "AT", "STATE", "ATTEMPTS/ERROR");
                for (UserEvent e : store.events().recent(appId, filter, Math.max(1, Math.min(limit, 10_000)))) {
                    out.printf("%-10s %-13s %-24s %-14s %-24s %-9s %s%n", e.deliveryId(), e.type(), e.userId(), e.detail(),
                            e.createdAt(), e.state(), e.attempts() + (e.lastError() == null ? "" : " " + e.lastError()));
                }
            }
        }
    }

    @Command(name = "retry", description = "Retry the app's failed deliveries now, instead of at their backoff's end.")
    static final class Retry extends CliCommand {
        @Mixin
        ConfigOptions options;
        @Mixin
        AppOption app;

        @Override
        public void run() {
            try (AtriumStore store = Stores.openExisting(options.load(), 2)) {
                if (store.apps().find(app.id).isEmpty()) {
                    throw new AtriumCommand.CommandFailure("no app with id '" + app.id + "'");
                }
                int n = store.events().retryFailed(app.id, java.time.Instant.now());
                out().println(n + " failed deliveries of app " + app.id + " are due now (a running server sends them within event-poll)");
            }
        }
    }
}
