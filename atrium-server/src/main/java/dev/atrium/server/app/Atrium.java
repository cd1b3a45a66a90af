package dev.atrium.server.app;

import dev.atrium.core.admin.AdminTokens;
import dev.atrium.core.admin.AppAdmin;
import dev.atrium.core.admin.EventAdmin;
import dev.atrium.core.admin.ServerKeys;
import dev.atrium.core.admin.StatsService;
import dev.atrium.core.admin.UserAdmin;
import dev.atrium.core.admission.Throttle;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.auth.AccountService;
import dev.atrium.core.auth.AuthService;
import dev.atrium.core.auth.ProviderContext;
import dev.atrium.core.auth.ProviderRegistry;
import dev.atrium.core.auth.SessionGate;
import dev.atrium.core.auth.apikey.ApiKeyService;
import dev.atrium.core.auth.passkey.PasskeyAdmin;
import dev.atrium.core.auth.passkey.PasskeyService;
import dev.atrium.core.auth.password.PasswordHasher;
import dev.atrium.core.auth.password.UserpassAdmin;
import dev.atrium.core.auth.password.UserpassService;
import dev.atrium.core.events.EventDispatcher;
import dev.atrium.core.imports.AppServicesImport;
import dev.atrium.core.imports.PasswordInvitations;
import dev.atrium.core.kernel.Telemetry;
import dev.atrium.core.lifecycle.Sweeper;
import dev.atrium.core.merge.MergeService;
import dev.atrium.core.redirect.RedirectLogin;
import dev.atrium.core.store.AtriumStore;
import dev.atrium.core.tokens.KeyRing;
import dev.atrium.core.tokens.TokenService;
import dev.atrium.server.config.AtriumConfig;
import dev.atrium.server.delivery.BackgroundDeliveries;
import dev.atrium.server.delivery.EdgeDelivery;
import dev.atrium.server.delivery.SignedEventSink;
import dev.atrium.server.http.ClientAddresses;
import dev.atrium.server.http.admin.AdminServices;
import dev.atrium.server.config.Operations;
import dev.atrium.server.metrics.Help;
import dev.atrium.server.metrics.Meters;
import dev.atrium.server.tracing.Traces;
import dev.atrium.server.metrics.MicrometerTelemetry;
import io.micrometer.core.instrument.FunctionCounter;
import dev.atrium.server.outbound.Outbound;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import dev.atrium.server.http.Router;
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
    private final Listeners listeners;
    private final String publicUrl;
    private final FirstStart.Outcome firstStart;
    private final LifecycleScheduler lifecycle;
    private final PasswordHasher hasher;
    private final BackgroundDeliveries deliveries;
    private final Outbound outbound;
    private final Router.Services services;
    private final Traces traces;
    private final AtriumConfig config;
    /** Runs the password invitations of imported users (virtual threads); stopped with the server. */
    private final java.util.concurrent.ExecutorService invitationRuns;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private Atrium(AtriumStore store, Listeners listeners, String publicUrl, FirstStart.Outcome firstStart,
                   LifecycleScheduler lifecycle, PasswordHasher hasher, BackgroundDeliveries deliveries,
                   Outbound outbound, Router.Services services, Traces traces, AtriumConfig config,
                   java.util.concurrent.ExecutorService invitationRuns) {
        this.invitationRuns = invitationRuns;
        this.services = services;
        this.store = store;
        this.listeners = listeners;
        this.publicUrl = publicUrl;
        this.firstStart = firstStart;
        this.lifecycle = lifecycle;
        this.hasher = hasher;
        this.deliveries = deliveries;
        this.outbound = outbound;
        this.traces = traces;
        this.config = config;
    }

    /** Starts a server over a store opened from {@code config}, tracing as configured. */
    public static Atrium start(AtriumConfig config, Clock clock) {
        Traces traces = Traces.from(config.operations().tracing());
        try {
            return start(config, clock, traces);
        } catch (RuntimeException e) {
            traces.close();
            throw e;
        }
    }

    /** Starts a server over a store opened from {@code config}, tracing into {@code traces} (tests). */
    public static Atrium start(AtriumConfig config, Clock clock, Traces traces) {
        PrometheusMeterRegistry metrics = Meters.create();
        AtriumStore store = Stores.open(config, metrics);
        try {
            return start(config, clock, store, metrics, traces);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Starts a server over {@code store} (tests pass the in-memory store); closing the server closes it. */
    public static Atrium start(AtriumConfig config, Clock clock, AtriumStore store) {
        return start(config, clock, store, Meters.create(), Traces.OFF);
    }

    private static Atrium start(AtriumConfig config, Clock clock, AtriumStore opened, PrometheusMeterRegistry metrics,
                                Traces traces) {
        Outbound outbound = new Outbound(config.outbound().deadline(), config.outbound().destinations());
        try {
            return start(config, clock, traces.around(opened), metrics, outbound, traces);
        } catch (RuntimeException e) {
            outbound.close();
            throw e;
        }
    }

    private static Atrium start(AtriumConfig config, Clock clock, AtriumStore store, PrometheusMeterRegistry metrics,
                                Outbound outbound, Traces traces) {
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
        FunctionCounter.builder(Help.PASSWORD_HASHES.meterName(), hasher, PasswordHasher::computations)
                .description(Help.PASSWORD_HASHES.help()).register(metrics);
        FunctionCounter.builder(Help.PASSWORD_HASH_REJECTIONS.meterName(), hasher, PasswordHasher::refusals)
                .description(Help.PASSWORD_HASH_REJECTIONS.help()).register(metrics);
        Throttle throttle = new Throttle(telemetry, clock);
        BackgroundDeliveries deliveries = new BackgroundDeliveries(BACKGROUND_DELIVERIES);
        ProviderContext context = ProviderWiring.context(store, clock, throttle, hasher, outbound);
        AuthService auth = new AuthService(apps, providers, context,
                store.users(), store.sessions(), store.signups(), store.links(), tokens, config.guestLimits().create(),
                throttle, telemetry, clock);
        SessionGate gate = new SessionGate(apps, store.users(), store.sessions(), tokens, clock);
        AccountService accounts = new AccountService(apps, providers, store.users(), store.sessions(), gate, tokens,
                telemetry, clock);
        EdgeDelivery edgeDelivery = new EdgeDelivery(outbound, clock);
        UserpassService userpass = new UserpassService(apps, store.userpass(), hasher, edgeDelivery,
                store.users(), store.sessions(), throttle, deliveries, clock);
        ApiKeyService apiKeys = new ApiKeyService(store.apiKeys(), clock);
        PasskeyService passkeys = new PasskeyService(apps, auth, store.passkeys(), throttle, clock);
        java.util.concurrent.ExecutorService invitationRuns = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        PasswordInvitations invitations = new PasswordInvitations(store.imports(), userpass, invitationRuns, Thread::sleep,
                clock);
        Router.Services services = new Router.Services(auth, accounts, gate, userpass, apiKeys, passkeys, apps, tokens, keys, store,
                publicUrl::get, new ClientAddresses(config.trustedProxies()),
                admin(store, providers, apps, keys, telemetry, clock,
                        new UserpassAdmin(apps, store.userpass(), hasher, edgeDelivery, store.users(), clock), invitations),
                metrics,
                config.http().metricsAccess(),
                new RedirectLogin(apps, auth, gate, store.redirectStates(), providers, context, throttle, clock),
                new MergeService(auth, store.merges(), store.users(), tokens, telemetry, clock));
        Listeners listeners;
        try {
            listeners = Listeners.start(config, services, traces);
        } catch (RuntimeException e) { // port in use: the pools made above would outlive the failed start
            deliveries.close();
            hasher.close();
            invitationRuns.shutdownNow();
            throw e;
        }
        publicUrl.set(config.publicUrlFor(listeners.port()));
        LifecycleScheduler lifecycle = new LifecycleScheduler(config.lifecycle(),
                new Sweeper(store.apps(), store.sweeps(), telemetry, clock, listeners.state()::begun),
                new EventDispatcher(store.apps(), store.events(), new SignedEventSink(outbound, clock), clock), store.events(), clock);
        return new Atrium(store, listeners, publicUrl.get(), first, lifecycle, hasher, deliveries, outbound, services, traces,
                config, invitationRuns);
    }

    private static AdminServices admin(AtriumStore store, ProviderRegistry providers, AppDirectory apps, KeyRing keys,
                                       Telemetry telemetry, Clock clock, UserpassAdmin accounts,
                                       PasswordInvitations invitations) {
        return new AdminServices(new AdminTokens(store.adminTokens(), clock),
                new AppAdmin(store.apps(), providers, apps, store.signingKeys(), keys, clock),
                new UserAdmin(apps, store.users(), store.userQueries(), store.sessions(), telemetry, clock),
                new ServerKeys(apps, store.serverKeys(), clock),
                new StatsService(apps, store.stats(), clock), new EventAdmin(apps, store.events(), clock),
                new PasskeyAdmin(apps, store.users(), store.passkeys()), accounts, invitations);
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

    /**
     * {@code atrium import app-services} over {@code store}: the admin API's app administration
     * (same checks of provider settings as an operator's change) and the store's import writes.
     */
    public static AppServicesImport appServicesImport(AtriumStore store, Clock clock) {
        return new AppServicesImport(store.apps(), appAdmin(store, clock), store.imports(), clock);
    }

    /** A sweeper over {@code store} reporting no metrics ({@code atrium sweep}, tests). */
    public static Sweeper sweeper(AtriumStore store, Clock clock) {
        return new Sweeper(store.apps(), store.sweeps(), Telemetry.NONE, clock);
    }

    public int port() {
        return listeners.port();
    }

    /** Requests this node has started serving since it started (to tell an idle node from a busy one). */
    public long requestsStartedSoFar() {
        return listeners.state().begun();
    }

    /** The management listener's port ({@code management-port}), or -1 when metrics and probes are on the public port. */
    public int managementPort() {
        return listeners.managementPort();
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

    /**
     * Drains and stops (SIGTERM, SIGINT): {@code /health/ready} answers 503 at once and the sweeper and
     * the outbox stop at their next batch; the node keeps serving for {@code shutdown-delay}; then the
     * listener closes and requests in flight get {@code shutdown-grace-period} to finish, as do
     * deliveries that run after their answer and the background work; then everything is closed.
     * Logs its start and its end. Calling it again, or {@link #close} after it, does nothing.
     */
    public void shutdown(String cause) {
        Operations.Shutdown s = config.operations().shutdown();
        new Drain(this::closeRest, listeners, lifecycle, deliveries, closed).run(cause, s.gracePeriod(), s.delay());
    }

    /** Stops at once (tests, a failed start): requests in flight get half a second. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        lifecycle.close();
        listeners.stop();
        deliveries.close(); // deliveries answered already still need the store
        closeRest();
    }

    private void closeRest() {
        invitationRuns.shutdownNow(); // a run in progress stops at its next pause, as after a stop
        hasher.close();
        outbound.close();
        traces.close();
        store.close();
    }
}
