package dev.atrium.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.core.auth.ProviderRegistry;
import dev.atrium.core.store.AtriumStore;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code atrium providers enable|disable --app ID TYPE}, on the store (a running server sees the change
 * within its cache TTL, config {@code cache-ttl}, default 5 s) or, with {@code --url}, through the admin
 * API (in force at once on that node). Disabling never deletes users.
 */
@Command(name = "providers", description = "Enable or disable an app's auth providers.",
        subcommands = {ProvidersCommand.Enable.class, ProvidersCommand.Disable.class})
final class ProvidersCommand {
    abstract static class Toggle extends StoreOrApi {
        @Mixin
        AppOption app;
        @Parameters(index = "0", paramLabel = "PROVIDER", completionCandidates = Installed.class,
                description = "an installed provider: ${COMPLETION-CANDIDATES}")
        String type;
        abstract boolean enabled();

        /** The new configuration as JSON text, or null to keep the current one. */
        String settings() {
            return null;
        }

        private Map<String, Object> parseSettings() {
            try {
                return dev.atrium.core.kernel.Json.readObject(settings());
            } catch (IllegalArgumentException e) {
                throw new AtriumCommand.CommandFailure("--settings must be a JSON object: " + e.getMessage());
            }
        }

        @Override
        public void run() {
            ProviderRegistry installed = ProviderRegistry.installed();
            if (installed.find(type).isEmpty()) { // before the app: the first mistake named is the typo
                throw new AtriumCommand.CommandFailure("unknown provider '" + type + "' (known: " + installed.types() + ")");
            }
            super.run();
        }

        @Override
        void remote(AdminClient api) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("enabled", enabled());
            if (settings() != null) {
                body.put("config", parseSettings());
            }
            JsonNode p = api.send("PUT", ApiCommand.appPath(app.id) + "/providers/" + AdminClient.seg(type), body);
            print(p, this::done);
        }

        @Override
        void local(AtriumStore store) {
            appAdmin(store, app.id).configure(app.id, type, enabled(), settings() == null ? null : parseSettings());
            done();
        }

        private void done() {
            out().println(type + " " + (enabled() ? "enabled" : "disabled") + " for app " + app.id);
        }
    }

    /** The installed provider types, for the help text. */
    static final class Installed implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ProviderRegistry.installed().types().iterator();
        }
    }

    @Command(name = "enable", description = "Enable a provider (optionally with --settings).")
    static final class Enable extends Toggle {
        @Option(names = "--settings", paramLabel = "JSON",
                description = "provider configuration as a JSON object, replacing the current one (see README)")
        String settings;

        @Override
        String settings() {
            return settings;
        }

        @Override
        boolean enabled() {
            return true;
        }
    }

    @Command(name = "disable", description = "Disable a provider (its users are kept).")
    static final class Disable extends Toggle {
        @Override
        boolean enabled() {
            return false;
        }
    }
}
