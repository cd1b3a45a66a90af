package dev.atrium.core.apps;

import java.util.List;
import java.util.Optional;

/** Persistence of apps and their provider configuration. */
public interface AppStore {

    /** Inserts {@code app} with {@code providers}; throws IllegalStateException if the id exists. */
    void create(App app, List<ProviderConfig> providers);

    /**
     * Creates {@code app} only if the store has never had a first app, atomically even when several
     * nodes start at once on an empty database. Returns the app that is the first app afterwards:
     * {@code app} if this call created it, otherwise the one created before.
     */
    App createFirstApp(App app, List<ProviderConfig> providers);

    /** The app with this id; empty when not found. */
    Optional<App> find(String appId);

    /** Every app, oldest first; empty list when there are none. */
    List<App> list();

    /** The providers configured for the app, in no particular order; empty when none or no such app. */
    List<ProviderConfig> providers(String appId);

    /** Replaces the app's settings; false when the app does not exist. */
    boolean updateSettings(String appId, AppSettings settings);

    /** Inserts or replaces the provider (app, type); returns false when the app does not exist. */
    boolean saveProvider(ProviderConfig provider);
}
