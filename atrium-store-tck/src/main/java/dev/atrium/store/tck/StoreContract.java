package dev.atrium.store.tck;

import dev.atrium.core.apps.AllowedOrigins;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppSettings;
import dev.atrium.core.apps.Apps;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.store.AtriumStore;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserType;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of every store contract: a fresh, empty store per test from {@link #newStore()},
 * closed after the test, and builders for the records the contracts write.
 *
 * <p>A backend runs the contracts by extending each {@code *Contract} class and implementing
 * {@link #newStore()}. Every instant is on whole milliseconds, because stores keep epoch millis.
 */
public abstract class StoreContract {
    /** A point in time with a millisecond part, to show stores keep milliseconds. */
    protected static final Instant T0 = Instant.parse("2025-03-14T09:26:53.589Z");
    /** How many threads the concurrency contracts start at once. */
    protected static final int THREADS = 8;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    /** The store under test, new and empty for each test. */
    protected AtriumStore store;

    /** Distinct creation times, one millisecond apart, so "oldest first" has no ties. */
    private final AtomicLong tick = new AtomicLong();

    /** A new, empty store of the backend under test; the contract closes it after the test. */
    protected abstract AtriumStore newStore();

    @BeforeEach
    protected void openStore() {
        store = newStore();
    }

    @AfterEach
    protected void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    // ---------------------------------------------------------------- builders

    /** The next distinct instant after {@link #T0}. */
    protected Instant nextInstant() {
        return T0.plusMillis(tick.incrementAndGet());
    }

    /** A new app (not stored) created at {@code createdAt}, with non-default settings. */
    protected static App newApp(String name, Instant createdAt) {
        App app = Apps.newApp(name, createdAt);
        return new App(app.id(), app.name(), app.createdAt(), new AppSettings(Duration.ofMinutes(15),
                Duration.ofDays(30), Duration.ofDays(45), Duration.ofMinutes(10), 50, 10, 1000,
                "https://hooks.example/atrium", "s3cret",
                AllowedOrigins.parse(List.of("https://blog.example", "https://*.example.com", "http://127.0.0.1:5173")),
                new dev.atrium.core.apps.ThrottleSettings(20, 5, 2, 2, 120, 40)));
    }

    /** Stores a new app with the default providers and returns it. */
    protected App createApp() {
        App app = newApp("Contract App", nextInstant());
        store.apps().create(app, Apps.defaultProviders(app, app.createdAt()));
        return app;
    }

    /** A provider of {@code type} for the app. */
    protected static ProviderConfig provider(App app, String type, boolean enabled, Map<String, Object> config) {
        return new ProviderConfig(ObjectIds.next(T0), app.id(), type, enabled, config);
    }

    /** A guest identity with a fresh subject. */
    protected Identity guestIdentity() {
        return new Identity(User.ANON_PROVIDER, ObjectIds.next(T0), Map.of(), nextInstant());
    }

    /** An identity of {@code providerType} with {@code subject}. */
    protected Identity identity(String providerType, String subject, Map<String, Object> providerData) {
        return new Identity(providerType, subject, providerData, nextInstant());
    }

    /** A new user (not stored) of the app holding {@code identities} in this order. */
    protected User newUser(App app, Identity... identities) {
        Instant created = nextInstant();
        return new User(ObjectIds.next(created), app.id(), UserType.NORMAL, false, created, created, Map.of(),
                List.of(identities));
    }

    /** A new session (not stored) of the user. */
    protected Session newSession(User user) {
        Instant created = nextInstant();
        return new Session(ObjectIds.next(created), user.appId(), user.id(), ObjectIds.next(created),
                randomHex(32), created, created.plus(Duration.ofDays(60)));
    }

    /** A user and its first session, as written by a sign-up. */
    protected record Signup(User user, Session session) {}

    /**
     * A new guest (not stored) of the app as the server makes one: its id is its anon-user
     * identity's subject, both created at {@code at} (SQL stores leave that identity implied by the
     * user row: docs/stores.md, "Guests' identity").
     */
    protected static User newGuest(App app, Instant at) {
        String id = ObjectIds.next(at);
        return new User(id, app.id(), UserType.NORMAL, false, at, at, Map.of(),
                List.of(new Identity(User.ANON_PROVIDER, id, Map.of(), at)));
    }

    /** Signs up a new guest of the app as the server does ({@link #newGuest}): user, identity and first session. */
    protected Signup signUpGuest(App app) {
        return signUp(newGuest(app, nextInstant()));
    }

    /** Signs up a new guest of the app created and last active at {@code at} (its user.created event is of then). */
    protected Signup signUpGuestAt(App app, Instant at) {
        return signUp(newGuest(app, at));
    }

    /**
     * Signs up a guest whose anon-user identity has a subject of its own, created after the user: a
     * guest of a store from before implied identities, or imported; SQL stores keep its row.
     */
    protected Signup signUpGuestWithOwnSubject(App app) {
        return signUp(newUser(app, guestIdentity()));
    }

    /** Signs up {@code user} with a new session. */
    protected Signup signUp(User user) {
        Session session = newSession(user);
        store.signups().createUserWithSession(user, session);
        return new Signup(user, session);
    }

    /** {@code bytes} random bytes as lower-case hex. */
    protected static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HEX.formatHex(b);
    }

    // ---------------------------------------------------------------- concurrency

    /** What one thread of {@link #concurrently} got: a value or the exception it threw. */
    protected record Outcome<T>(T value, Throwable error) {
        public boolean succeeded() {
            return error == null;
        }
    }

    /**
     * Runs {@code task(0..threads-1)} on {@code threads} real threads released at the same moment
     * (each waits at a gate until all are started), and returns every outcome in thread order.
     */
    protected static <T> List<Outcome<T>> concurrently(int threads, IntFunction<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.apply(n);
                }));
            }
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the threads did not start within 30 s");
            }
            go.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    outcomes.add(new Outcome<>(f.get(60, TimeUnit.SECONDS), null));
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome<>(null, e.getCause()));
                } catch (TimeoutException e) {
                    throw new AssertionError("a concurrent store call did not return within 60 s", e);
                }
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
