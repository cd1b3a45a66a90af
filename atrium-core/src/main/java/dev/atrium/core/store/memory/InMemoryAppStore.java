package dev.atrium.core.store.memory;

import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppSettings;
import dev.atrium.core.apps.AppStore;
import dev.atrium.core.apps.ProviderConfig;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Apps and their provider settings of the {@link InMemoryStore}; each method one transaction on {@link InMemoryData}. */
record InMemoryAppStore(InMemoryData data) implements AppStore {
    @Override
    public void create(App app, List<ProviderConfig> providers) {
        synchronized (data) {
            if (data.apps.putIfAbsent(app.id(), app) != null) {
                throw new IllegalStateException("app " + app.id() + " exists");
            }
            providers.forEach(p -> data.providers.put(p.appId() + "/" + p.type(), p));
        }
    }

    @Override
    public App createFirstApp(App app, List<ProviderConfig> providers) {
        synchronized (data) {
            if (data.firstAppId == null) {
                create(app, providers);
                data.firstAppId = app.id();
            }
            return data.apps.get(data.firstAppId);
        }
    }

    @Override
    public Optional<App> find(String appId) {
        synchronized (data) {
            return Optional.ofNullable(data.apps.get(appId));
        }
    }

    @Override
    public List<App> list() {
        synchronized (data) {
            return data.apps.values().stream().sorted(Comparator.comparing(App::createdAt)).toList();
        }
    }

    @Override
    public List<ProviderConfig> providers(String appId) {
        synchronized (data) {
            return data.providers.values().stream().filter(p -> p.appId().equals(appId)).toList();
        }
    }

    @Override
    public boolean updateSettings(String appId, AppSettings settings) {
        synchronized (data) {
            App app = data.apps.get(appId);
            if (app == null) {
                return false;
            }
            data.apps.put(appId, new App(app.id(), app.name(), app.createdAt(), settings));
            return true;
        }
    }

    @Override
    public boolean saveProvider(ProviderConfig provider) {
        synchronized (data) {
            if (!data.apps.containsKey(provider.appId())) {
                return false;
            }
            data.providers.put(provider.appId() + "/" + provider.type(), provider);
            return true;
        }
    }
}
