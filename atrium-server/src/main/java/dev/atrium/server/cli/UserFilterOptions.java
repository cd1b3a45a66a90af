package dev.atrium.server.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which users: the admin API's user filter and search (users list and bulk-delete); the server checks the values. */
final class UserFilterOptions {
    @Option(names = "--search", paramLabel = "TEXT", description = "a user id, or the start of an e-mail address (case-insensitive)")
    String search;
    @Option(names = "--kind", paramLabel = "KIND", description = "anonymous (only a guest identity) or linked")
    String kind;
    @Option(names = "--disabled", arity = "1", paramLabel = "true|false", description = "only disabled (true) or enabled (false) users")
    Boolean disabled;
    @Option(names = "--provider", paramLabel = "TYPE", description = "users with an identity of this provider, e.g. local-userpass")
    String provider;
    @Option(names = "--inactive-since", paramLabel = "ISO", description = "last active before this instant, e.g. 2026-01-31T00:00:00Z")
    String inactiveSince;
    @Option(names = "--created-after", paramLabel = "ISO", description = "created at or after this instant")
    String createdAfter;
    @Option(names = "--created-before", paramLabel = "ISO", description = "created before this instant")
    String createdBefore;

    /** The filter under the API's names; absent options are left out. */
    Map<String, Object> values() {
        Map<String, Object> m = new LinkedHashMap<>();
        ApiCommand.putGiven(m, "search", search);
        ApiCommand.putGiven(m, "kind", kind);
        ApiCommand.putGiven(m, "disabled", disabled);
        ApiCommand.putGiven(m, "provider", provider);
        ApiCommand.putGiven(m, "inactive_since", inactiveSince);
        ApiCommand.putGiven(m, "created_after", createdAfter);
        ApiCommand.putGiven(m, "created_before", createdBefore);
        return m;
    }
}
