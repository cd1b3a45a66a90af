package dev.atrium.core.auth;

import dev.atrium.core.admission.GuestAdmission;
import dev.atrium.core.admission.Throttle;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.auth.anonymous.AnonymousProvider;
import dev.atrium.core.kernel.MutableClock;
import dev.atrium.core.kernel.Telemetry;
import dev.atrium.core.store.memory.InMemoryStore;
import dev.atrium.core.testing.TestWorld;
import dev.atrium.core.tokens.TokenService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The auth services over a {@link TestWorld} (the in-memory store, a clock tests move) and one app. */
final class Fixture {
    final TestWorld world = new TestWorld();
    final InMemoryStore store = world.store;
    final MutableClock clock = world.clock;
    final App app = world.app("test");
    final AppDirectory apps = world.apps;
    final TokenService tokens = world.tokens;
    final AuthService auth = new AuthService(apps, List.of(new AnonymousProvider()), store.users(), store.sessions(),
            store.signups(), store.links(), tokens, new GuestAdmission(Telemetry.NONE, clock), new Throttle(Telemetry.NONE, clock),
            Telemetry.NONE, clock);
    final SessionGate gate = new SessionGate(apps, store.users(), store.sessions(), tokens, clock);
    final AccountService accounts = new AccountService(apps, store.users(), store.sessions(), gate, tokens, Telemetry.NONE,
            clock);

    Instant now() {
        return clock.instant();
    }

    void advance(Duration d) {
        clock.advance(d);
    }
}
