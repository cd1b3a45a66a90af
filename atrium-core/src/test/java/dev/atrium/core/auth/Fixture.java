package dev.atrium.core.auth;

import dev.atrium.core.admission.GuestAdmission;
import dev.atrium.core.admission.Throttle;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.apps.Apps;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.auth.anonymous.AnonymousProvider;
import dev.atrium.core.kernel.MutableClock;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.kernel.Telemetry;
import dev.atrium.core.store.memory.InMemoryStore;
import dev.atrium.core.testing.TestWorld;
import dev.atrium.core.tokens.TokenService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The auth services over a {@link TestWorld} (the in-memory store, a clock tests move) and one app,
 * with the anonymous provider and the test's others installed and enabled.
 */
final class Fixture {
    final TestWorld world = new TestWorld();
    final InMemoryStore store = world.store;
    final MutableClock clock = world.clock;
    final AppDirectory apps = world.apps;
    final TokenService tokens = world.tokens;
    final App app = Apps.newApp("test", clock.instant());
    final ProviderRegistry providers;
    final AuthService auth;
    final SessionGate gate = new SessionGate(apps, store.users(), store.sessions(), tokens, clock);
    final AccountService accounts;

    /** The anonymous provider and {@code others}, each enabled for the app. */
    Fixture(AuthProvider<?>... others) {
        List<AuthProvider<?>> installed = new ArrayList<>(List.of(new AnonymousProvider()));
        installed.addAll(List.of(others));
        providers = ProviderRegistry.of(installed);
        auth = new AuthService(apps, providers, ProviderContext.builder(store.users(), clock).build(),
                store.users(), store.sessions(), store.signups(), store.links(), tokens,
                new GuestAdmission(Telemetry.NONE, clock), new Throttle(Telemetry.NONE, clock), Telemetry.NONE, clock);
        accounts = new AccountService(apps, providers, store.users(), store.sessions(), gate, tokens, Telemetry.NONE, clock);
        Instant now = clock.instant();
        List<ProviderConfig> configs = new ArrayList<>(Apps.defaultProviders(app, now));
        for (AuthProvider<?> p : others) {
            configs.add(new ProviderConfig(ObjectIds.next(now), app.id(), p.type(), true, Map.of()));
        }
        store.apps().create(app, configs);
    }

    Instant now() {
        return clock.instant();
    }

    void advance(Duration d) {
        clock.advance(d);
    }
}
