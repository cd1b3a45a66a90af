package dev.atrium.core.auth;

import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.apps.Apps;
import dev.atrium.core.auth.anonymous.AnonymousProvider;
import dev.atrium.core.store.memory.InMemoryStore;
import dev.atrium.core.tokens.KeyRing;
import dev.atrium.core.tokens.TokenService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The auth services over the in-memory store with a clock tests move. */
final class Fixture {
    final InMemoryStore store = new InMemoryStore();
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };
    final App app = Apps.newApp("test", now);
    final AppDirectory apps = new AppDirectory(store.apps(), clock, Duration.ZERO);
    final TokenService tokens = new TokenService(new KeyRing(store.signingKeys(), clock, Duration.ZERO), apps, clock,
            () -> "http://atrium.test");
    final AuthService auth = new AuthService(apps, List.of(new AnonymousProvider()), store.users(), store.sessions(),
            store.signups(), store.links(), tokens, GuestLimits.byStore(),
            new dev.atrium.core.admission.Throttle(dev.atrium.core.kernel.Telemetry.NONE, clock),
            dev.atrium.core.kernel.Telemetry.NONE, clock);
    final SessionGate gate = new SessionGate(apps, store.users(), store.sessions(), tokens, clock);
    final AccountService accounts = new AccountService(apps, store.users(), store.sessions(), gate, tokens,
            dev.atrium.core.kernel.Telemetry.NONE, clock);

    Fixture() {
        store.apps().create(app, Apps.defaultProviders(app, now));
    }

    void advance(Duration d) {
        now = now.plus(d);
    }
}
