package dev.atrium.server.app;

import dev.atrium.core.admin.AdminTokens;
import dev.atrium.core.admin.AppAdmin;
import dev.atrium.core.admin.ServerKeys;
import dev.atrium.core.admin.StatsService;
import dev.atrium.core.admin.UserAdmin;
import dev.atrium.core.admission.GuestAdmission;
import dev.atrium.core.admission.Throttle;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.auth.AccountService;
import dev.atrium.core.auth.AuthService;
import dev.atrium.core.auth.ProviderContext;
import dev.atrium.core.auth.ProviderRegistry;
import dev.atrium.core.auth.SessionGate;
import dev.atrium.core.auth.apikey.ApiKeyService;
import dev.atrium.core.auth.password.PasswordHasher;
import dev.atrium.core.auth.password.UserpassService;
import dev.atrium.core.events.EventDispatcher;
import dev.atrium.core.kernel.Telemetry;
import dev.atrium.core.lifecycle.Sweeper;
import dev.atrium.core.redirect.RedirectLogin;
import dev.atrium.core.store.AtriumStore;
import dev.atrium.core.tokens.KeyRing;
import dev.atrium.core.tokens.TokenService;
import dev.atrium.server.config.AtriumConfig;
import dev.atrium.server.delivery.BackgroundDeliveries;
import dev.atrium.server.delivery.EdgeDelivery;
import dev.atrium.server.delivery.SignedEventSink;
import dev.atrium.server.http.ClientAddresses;
import dev.atrium.server.http.HttpServer;
import dev.atrium.server.http.admin.AdminServices;
import dev.atrium.server.metrics.Meters;
import dev.atrium.server.metrics.MicrometerTelemetry;
import io.micrometer.core.instrument.FunctionCounter;
import dev.atrium.server.outbound.Outbound;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import dev.atrium.server.http.Router;
import io.helidon.webserver.WebServer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The composition root: the one place that calls {@code new} on implementations (docs/architecture.md, Modules and the dependency rule).
 * {@link #start} opens the store, runs the first-start bootstrap, wires the services and starts
 * the web server; {@link #close} stops both.
 */
public final class Atrium implements AutoCloseable {
    /** Token deliveries running after their answer, at most; beyond, token requests answer ServerBusy. */
    private static final int BACKGROUND_DELIVERIES = 256;

    private final AtriumStore store;
    private final WebServer server;
    private final String publicUrl;
    private final FirstStart.Outcome firstStart;
    private final LifecycleScheduler lifecycle;
    private final PasswordHasher hasher;
    private final BackgroundDeliveries deliveries;
    private final Outbound outbound;
    private final Router.Services services;

    private Atrium(AtriumStore store, WebServer server, String publicUrl, FirstStart.Outcome firstStart,
                   LifecycleScheduler lifecycle, PasswordHasher hasher, BackgroundDeliveries deliveries,
                   Outbound outbound, Router.Services services) {
        this.services = services;
        this.store = store;
        this.server = server;
        this.publicUrl = publicUrl;
        this.firstStart = firstStart;
        this.lifecycle = lifecycle;
        this.hasher = hasher;
        this.deliveries = deliveries;
        this.outbound = outbound;
    }

    /** Starts a server over a store opened from {@code config}. */
    public static Atrium start(AtriumConfig config, Clock clock) {
        PrometheusMeterRegistry metrics = Meters.create();
        AtriumStore store = Stores.open(config, metrics);
        try {
            return start(config, clock, store, metrics);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Starts a server over {@code store} (tests pass the in-memory store); closing the server closes it. */
    public static Atrium start(AtriumConfig config, Clock clock, AtriumStore store) {
        return start(config, clock, store, Meters.create());
    }

    private static Atrium start(AtriumConfig config, Clock clock, AtriumStore store, PrometheusMeterRegistry metrics) {
        Outbound outbound = new Outbound(config.outbound().deadline(), config.outbound().destinations());
        try {
            return start(config, clock, store, metrics, outbound);
        } catch (RuntimeException e) {
            outbound.close();
            throw e;
        }
    }

    private static Atrium start(AtriumConfig config, Clock clock, AtriumStore store, PrometheusMeterRegistry metrics,
                                Outbound outbound) {
        ProviderRegistry providers = ProviderRegistry.installed();
        Telemetry telemetry = new MicrometerTelemetry(metrics, providers.types());
        FirstStart.Outcome first = FirstStart.run(store, config.dataDir(), clock.instant());
        // With port 0 the URL is known only once bound; tests that use it wait for start() to return.
        AtomicReference<String> publicUrl = new AtomicReference<>(config.port() == 0 ? null : config.publicUrlFor(config.port()));
        AppDirectory apps = new AppDirectory(store.apps(), clock, config.cacheTtl());
        KeyRing keys = new KeyRing(store.signingKeys(), clock, config.cacheTtl());
        keys.publicKeys(first.app().id()); // create the first app's keys now, not on the first login
        TokenService tokens = new TokenService(keys, apps, clock, publicUrl::get);
        AtriumConfig.PasswordHashing h = config.hashing();
        PasswordHasher hasher = new PasswordHasher(h.memoryKib(), h.iterations(), h.parallelism(), h.concurrency(),
                h.queueTimeout());
        FunctionCounter.builder("atrium.password.hashes", hasher, PasswordHasher::computations).register(metrics);
        FunctionCounter.builder("atrium.password.hash.rejections", hasher, PasswordHasher::refusals).register(metrics);
        Throttle throttle = new Throttle(telemetry, clock);
        BackgroundDeliveries deliveries = new BackgroundDeliveries(BACKGROUND_DELIVERIES);
        ProviderContext context = ProviderWiring.context(store, clock, throttle, hasher, outbound);
        AuthService auth = new AuthService(apps, providers, context,
                store.users(), store.sessions(), store.signups(), store.links(), tokens, new GuestAdmission(telemetry, clock),
                throttle, telemetry, clock);
        SessionGate gate = new SessionGate(apps, store.users(), store.sessions(), tokens, clock);
        AccountService accounts = new AccountService(apps, providers, store.users(), store.sessions(), gate, tokens,
                telemetry, clock);
        UserpassService userpass = new UserpassService(apps, store.userpass(), hasher, new EdgeDelivery(outbound, clock),
                store.users(), store.sessions(), throttle, deliveries, clock);
        ApiKeyService apiKeys = new ApiKeyService(store.apiKeys(), clock);
        Router.Services services = new Router.Services(auth, accounts, gate, userpass, apiKeys, apps, tokens, keys, store,
                publicUrl::get, new ClientAddresses(config.trustedProxies()),
                admin(store, providers, apps, keys, telemetry, clock), metrics,
                config.http().metricsAccess(),
                new RedirectLogin(apps, auth, gate, store.redirectStates(), providers, context, throttle, clock));
        WebServer server;
        try {
            server = HttpServer.start(config.host(), config.port(), config.http(), Router.build(services));
        } catch (RuntimeException e) { // port in use: the pools made above would outlive the failed start
            deliveries.close();
            hasher.close();
            throw e;
        }
        publicUrl.set(config.publicUrlFor(server.port()));
        LifecycleScheduler lifecycle = new LifecycleScheduler(config.lifecycle(),
                new Sweeper(store.apps(), store.sweeps(), telemetry, clock),
                new EventDispatcher(store.apps(), store.events(), new SignedEventSink(outbound, clock), clock), store.events(), clock);
        return new Atrium(store, server, publicUrl.get(), first, lifecycle, hasher, deliveries, outbound, services);
    }

    private static AdminServices admin(AtriumStore store, ProviderRegistry providers, AppDirectory apps, KeyRing keys,
                                       Telemetry telemetry, Clock clock) {
        return new AdminServices(new AdminTokens(store.adminTokens(), clock),
                new AppAdmin(store.apps(), providers, apps, store.signingKeys(), keys, clock),
                new UserAdmin(apps, store.users(), store.userQueries(), store.sessions(), telemetry, clock),
                new ServerKeys(apps, store.serverKeys(), clock),
                new StatsService(apps, store.stats(), clock), store.events());
    }

    /**
     * The admin API's app administration over {@code store}, for CLI commands that work on the store
     * with no server running: the same validation, errors and key rotation as the API. No caching
     * (every read goes to the store); running nodes see the changes within their cache-ttl.
     */
    public static AppAdmin appAdmin(AtriumStore store, Clock clock) {
        return new AppAdmin(store.apps(), ProviderRegistry.installed(), new AppDirectory(store.apps(), clock, Duration.ZERO),
                store.signingKeys(), new KeyRing(store.signingKeys(), clock, Duration.ZERO), clock);
    }

    /** A sweeper over {@code store} reporting no metrics ({@code atrium sweep}, tests). */
    public static Sweeper sweeper(AtriumStore store, Clock clock) {
        return new Sweeper(store.apps(), store.sweeps(), Telemetry.NONE, clock);
    }

    public int port() {
        return server.port();
    }

    public String publicUrl() {
        return publicUrl;
    }

    public FirstStart.Outcome firstStart() {
        return firstStart;
    }

    public AtriumStore store() {
        return store;
    }

    /** The services behind the routes, for drivers that call them in-process (the fuzz targets). */
    public Router.Services services() {
        return services;
    }

    @Override
    public void close() {
        lifecycle.close();
        server.stop();
        deliveries.close(); // deliveries answered already still need the store
        hasher.close();
        outbound.close();
        store.close();
    }
}
