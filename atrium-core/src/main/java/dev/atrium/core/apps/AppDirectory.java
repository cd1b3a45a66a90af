package dev.atrium.core.apps;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read-through cache of apps and their providers, answering the hot paths without a query.
 * An entry lives {@code ttl}: that is the documented bound on how long a change made by another
 * process (the CLI, another node) takes to be in force here. Unknown ids are cached too (as
 * absent), so a flood of requests for a bogus app id does not become a flood of queries.
 */
public final class AppDirectory {
    private final AppStore store;
    private final Clock clock;
    private final Duration ttl;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(App app, List<ProviderConfig> providers, Instant loadedAt) {}

    public AppDirectory(AppStore store, Clock clock, Duration ttl) {
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The app, or AppNotFound. */
    public App requireApp(String appId) {
        Entry e = entry(appId);
        if (e.app == null) {
            throw new AuthException(ErrorCode.AppNotFound, "cannot find app using Client App ID '" + appId + "'");
        }
        return e.app;
    }

    /** The app, or empty when there is none; cached like {@link #requireApp}. */
    public Optional<App> find(String appId) {
        return Optional.ofNullable(entry(appId).app);
    }

    /** The enabled provider {@code type} of the app, or AuthProviderNotFound (docs/architecture.md, Providers). */
    public ProviderConfig requireEnabledProvider(String appId, String type) {
        Entry e = entry(appId);
        if (e.app == null) {
            throw new AuthException(ErrorCode.AppNotFound, "cannot find app using Client App ID '" + appId + "'");
        }
        for (ProviderConfig p : e.providers) {
            if (p.type().equals(type) && p.enabled()) {
                return p;
            }
        }
        throw new AuthException(ErrorCode.AuthProviderNotFound, "authentication via '" + type + "' is unsupported");
    }

    /** The provider row of {@code type} whether enabled or not, or null; for profile rendering. */
    public ProviderConfig providerOrNull(String appId, String type) {
        for (ProviderConfig p : entry(appId).providers) {
            if (p.type().equals(type)) {
                return p;
            }
        }
        return null;
    }

    /** Drops the cached entry so the next call reads the store (used after local writes). */
    public void invalidate(String appId) {
        entries.remove(appId);
    }

    private Entry entry(String appId) {
        Instant now = clock.instant();
        Entry e = entries.get(appId);
        if (e != null && e.loadedAt.plus(ttl).isAfter(now)) {
            return e;
        }
        Entry fresh;
        try {
            App app = store.find(appId).orElse(null);
            fresh = new Entry(app, app == null ? List.of() : List.copyOf(store.providers(appId)), now);
        } catch (RuntimeException storeDown) {
            if (e == null) {
                throw storeDown;
            }
            // Serve the last known state for another interval rather than make every request wait
            // for a dead store here too; the request fails at its own store call if it needs one.
            fresh = new Entry(e.app, e.providers, now);
        }
        if (fresh.app != null || entries.size() < 10_000) { // bounded: bogus ids cannot grow the map without limit
            entries.put(appId, fresh);
        }
        return fresh;
    }
}
