package dev.atrium.server.tracing;

import dev.atrium.core.admin.AdminTokenStore;
import dev.atrium.core.admin.ServerKeyStore;
import dev.atrium.core.admin.StatsStore;
import dev.atrium.core.admin.UserQueryStore;
import dev.atrium.core.apps.AppStore;
import dev.atrium.core.auth.LinkStore;
import dev.atrium.core.auth.SignupStore;
import dev.atrium.core.auth.apikey.ApiKeyStore;
import dev.atrium.core.auth.passkey.PasskeyStore;
import dev.atrium.core.auth.password.UserpassStore;
import dev.atrium.core.events.EventStore;
import dev.atrium.core.imports.ImportStore;
import dev.atrium.core.lifecycle.SweepStore;
import dev.atrium.core.merge.MergeStore;
import dev.atrium.core.sessions.SessionStore;
import dev.atrium.core.store.AtriumStore;
import dev.atrium.core.tokens.SigningKeyStore;
import dev.atrium.core.users.UserStore;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * An {@link AtriumStore} whose feature stores make a client span per call, named
 * {@code Interface.method} (e.g. {@code SignupStore.createGuest}) with {@code db.system.name}:
 * what a request spent in the database, and which call failed. One JDK proxy per feature store,
 * made once; the calls themselves go to the real store unchanged. Only calls made inside a traced
 * request get a span: background polls would otherwise start a trace every second.
 */
final class TracedStore implements AtriumStore {
    private final AtriumStore store;
    private final AppStore apps;
    private final UserStore users;
    private final SessionStore sessions;
    private final SignupStore signups;
    private final SigningKeyStore signingKeys;
    private final AdminTokenStore adminTokens;
    private final LinkStore links;
    private final UserpassStore userpass;
    private final ApiKeyStore apiKeys;
    private final EventStore events;
    private final SweepStore sweeps;
    private final UserQueryStore userQueries;
    private final StatsStore stats;
    private final ServerKeyStore serverKeys;
    private final dev.atrium.core.redirect.RedirectStateStore redirectStates;
    private final PasskeyStore passkeys;
    private final MergeStore merges;
    private final ImportStore imports;

    TracedStore(AtriumStore store, Tracer tracer) {
        this.store = store;
        String system = store.describe().startsWith("postgresql") ? "postgresql" : store.describe().startsWith("sqlite")
                ? "sqlite" : "other";
        this.apps = traced(AppStore.class, store.apps(), tracer, system);
        this.users = traced(UserStore.class, store.users(), tracer, system);
        this.sessions = traced(SessionStore.class, store.sessions(), tracer, system);
        this.signups = traced(SignupStore.class, store.signups(), tracer, system);
        this.signingKeys = traced(SigningKeyStore.class, store.signingKeys(), tracer, system);
        this.adminTokens = traced(AdminTokenStore.class, store.adminTokens(), tracer, system);
        this.links = traced(LinkStore.class, store.links(), tracer, system);
        this.userpass = traced(UserpassStore.class, store.userpass(), tracer, system);
        this.apiKeys = traced(ApiKeyStore.class, store.apiKeys(), tracer, system);
        this.events = traced(EventStore.class, store.events(), tracer, system);
        this.sweeps = traced(SweepStore.class, store.sweeps(), tracer, system);
        this.userQueries = traced(UserQueryStore.class, store.userQueries(), tracer, system);
        this.stats = traced(StatsStore.class, store.stats(), tracer, system);
        this.serverKeys = traced(ServerKeyStore.class, store.serverKeys(), tracer, system);
        this.redirectStates = traced(dev.atrium.core.redirect.RedirectStateStore.class, store.redirectStates(), tracer, system);
        this.passkeys = traced(PasskeyStore.class, store.passkeys(), tracer, system);
        this.merges = traced(MergeStore.class, store.merges(), tracer, system);
        this.imports = traced(ImportStore.class, store.imports(), tracer, system);
    }

    private static <T> T traced(Class<T> type, T target, Tracer tracer, String system) {
        InvocationHandler handler = (proxy, method, args) -> call(type, target, tracer, system, method, args);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object call(Class<?> type, Object target, Tracer tracer, String system, Method method, Object[] args)
            throws Throwable {
        if (method.getDeclaringClass() == Object.class || !Span.current().getSpanContext().isValid()) {
            return invoke(target, method, args); // outside a request (the sweeper, the outbox): no trace per poll
        }
        Span span = tracer.spanBuilder(type.getSimpleName() + "." + method.getName()).setSpanKind(SpanKind.CLIENT)
                .setAttribute("db.system.name", system).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return invoke(target, method, args);
        } catch (Throwable e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public AppStore apps() {
        return apps;
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public SessionStore sessions() {
        return sessions;
    }

    @Override
    public SignupStore signups() {
        return signups;
    }

    @Override
    public SigningKeyStore signingKeys() {
        return signingKeys;
    }

    @Override
    public AdminTokenStore adminTokens() {
        return adminTokens;
    }

    @Override
    public LinkStore links() {
        return links;
    }

    @Override
    public UserpassStore userpass() {
        return userpass;
    }

    @Override
    public ApiKeyStore apiKeys() {
        return apiKeys;
    }

    @Override
    public EventStore events() {
        return events;
    }

    @Override
    public SweepStore sweeps() {
        return sweeps;
    }

    @Override
    public UserQueryStore userQueries() {
        return userQueries;
    }

    @Override
    public StatsStore stats() {
        return stats;
    }

    @Override
    public ServerKeyStore serverKeys() {
        return serverKeys;
    }

    @Override
    public dev.atrium.core.redirect.RedirectStateStore redirectStates() {
        return redirectStates;
    }

    @Override
    public PasskeyStore passkeys() {
        return passkeys;
    }

    @Override
    public MergeStore merges() {
        return merges;
    }

    @Override
    public ImportStore imports() {
        return imports;
    }

    @Override
    public boolean isReady() {
        return store.isReady();
    }

    @Override
    public String describe() {
        return store.describe();
    }

    @Override
    public void close() {
        store.close();
    }
}
