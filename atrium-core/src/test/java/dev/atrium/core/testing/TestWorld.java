package dev.atrium.core.testing;

import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.apps.Apps;
import dev.atrium.core.kernel.MutableClock;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.store.memory.InMemoryStore;
import dev.atrium.core.tokens.KeyRing;
import dev.atrium.core.tokens.TokenService;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a unit test of a core service stands on: the in-memory store, a clock the test moves, and
 * the cache-free directory, key ring and token service over them, as the composition root wires
 * them (no cache, so a change is seen at once).
 */
public final class TestWorld {
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    public static final String PUBLIC_URL = "http://atrium.test";

    public final InMemoryStore store = new InMemoryStore();
    public final MutableClock clock = new MutableClock(T0);
    public final AppDirectory apps = new AppDirectory(store.apps(), clock, Duration.ZERO);
    public final KeyRing keys = new KeyRing(store.signingKeys(), clock, Duration.ZERO);
    public final TokenService tokens = new TokenService(keys, apps, clock, () -> PUBLIC_URL);

    /** A new app with the default providers, stored. */
    public App app(String name) {
        App app = Apps.newApp(name, clock.instant());
        store.apps().create(app, Apps.defaultProviders(app, app.createdAt()));
        return app;
    }

    /** A new guest of the app (not stored): one {@code anon-user} identity, no data. */
    public User guest(App app) {
        Instant now = clock.instant();
        Identity anon = new Identity(User.ANON_PROVIDER, ObjectIds.next(now), Map.of(), now);
        return new User(ObjectIds.next(now), app.id(), UserType.NORMAL, false, now, now, Map.of(), List.of(anon));
    }

    /** {@code user} with another identity after its first (not stored). */
    public User linked(User user, String providerType, String subject, Map<String, Object> providerData) {
        List<Identity> identities = new java.util.ArrayList<>(user.identities());
        identities.add(new Identity(providerType, subject, providerData, clock.instant()));
        return new User(user.id(), user.appId(), user.type(), user.disabled(), user.createdAt(), user.lastActiveAt(),
                Map.of("plan", "gold"), identities);
    }
}
