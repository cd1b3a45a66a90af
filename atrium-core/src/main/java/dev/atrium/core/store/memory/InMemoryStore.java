package dev.atrium.core.store.memory;

import dev.atrium.core.admin.AdminToken;
import dev.atrium.core.admin.AdminTokenStore;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppStore;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.auth.IdentityTakenException;
import dev.atrium.core.auth.LinkStore;
import dev.atrium.core.auth.ProviderAlreadyLinkedException;
import dev.atrium.core.auth.SignupStore;
import dev.atrium.core.auth.apikey.ApiKeyStore;
import dev.atrium.core.auth.password.UserpassStore;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.sessions.SessionStore;
import dev.atrium.core.sessions.SessionWithUser;
import dev.atrium.core.store.AtriumStore;
import dev.atrium.core.tokens.SigningKey;
import dev.atrium.core.tokens.SigningKeyStore;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The reference store: every contract in {@code atrium-store-tck} holds here first. All state
 * sits in one {@link InMemoryData} guarded by its monitor, which makes each method one atomic
 * transaction. For unit tests and single-process experiments; nothing survives the process.
 */
public final class InMemoryStore implements AtriumStore {
    private final InMemoryData data = new InMemoryData();
    private final InMemoryUserStore users = new InMemoryUserStore(data);
    private final InMemoryEventStore events = new InMemoryEventStore(data);
    private final InMemorySweepStore sweeps = new InMemorySweepStore(data, users);
    private final InMemoryAdminStores admin = new InMemoryAdminStores(data);
    private final InMemorySignupStore signups = new InMemorySignupStore(data);
    private final InMemoryRedirectStateStore redirectStates = new InMemoryRedirectStateStore(data);
    private final InMemoryMergeStore merges = new InMemoryMergeStore(data);
    private final InMemoryImportStore imports = new InMemoryImportStore(data);

    @Override
    public AppStore apps() {
        return new AppStore() {
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
            public boolean updateSettings(String appId, dev.atrium.core.apps.AppSettings settings) {
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
        };
    }

    @Override
    public InMemoryUserStore users() {
        return users;
    }

    @Override
    public SessionStore sessions() {
        return new SessionStore() {
            @Override
            public void insert(Session session) {
                synchronized (data) {
                    if (!data.users.containsKey(session.userId())) {
                        throw new IllegalStateException("user " + session.userId() + " does not exist");
                    }
                    data.sessions.put(session.id(), session);
                }
            }

            @Override
            public Optional<Session> find(String userId, String sessionId) {
                synchronized (data) {
                    return Optional.ofNullable(data.sessions.get(sessionId)).filter(s -> s.userId().equals(userId));
                }
            }

            @Override
            public Optional<SessionWithUser> findWithUser(String userId, String sessionId) {
                synchronized (data) {
                    return find(userId, sessionId).flatMap(s -> users.find(s.appId(), s.userId()).map(u -> new SessionWithUser(s, u)));
                }
            }

            @Override
            public boolean revoke(String userId, String sessionId) {
                synchronized (data) {
                    return find(userId, sessionId).isPresent() && data.sessions.remove(sessionId) != null;
                }
            }

            @Override
            public int revokeAll(String appId, String userId) {
                synchronized (data) {
                    return data.removeSessionsOf(appId, userId);
                }
            }
        };
    }

    @Override
    public SignupStore signups() {
        return signups;
    }

    @Override
    public SigningKeyStore signingKeys() {
        return new SigningKeyStore() {
            @Override
            public List<SigningKey> forApp(String appId) {
                synchronized (data) {
                    return data.keys.stream().filter(k -> k.appId().equals(appId))
                            .sorted(Comparator.comparing((SigningKey k) -> !k.state().equals(SigningKey.ACTIVE))
                                    .thenComparing(SigningKey::createdAt, Comparator.reverseOrder()))
                            .toList();
                }
            }

            @Override
            public boolean insertFirst(SigningKey key) {
                if (!key.state().equals(SigningKey.ACTIVE)) {
                    throw new IllegalArgumentException("insertFirst takes an active key, got " + key.state());
                }
                synchronized (data) {
                    boolean hasActive = data.keys.stream()
                            .anyMatch(k -> k.appId().equals(key.appId()) && k.state().equals(SigningKey.ACTIVE));
                    if (hasActive) {
                        return false;
                    }
                    data.keys.add(key);
                    return true;
                }
            }

            @Override
            public boolean rotate(SigningKey next, Instant at, Instant pruneRetiredBefore) {
                synchronized (data) {
                    SigningKey active = data.keys.stream()
                            .filter(k -> k.appId().equals(next.appId()) && k.state().equals(SigningKey.ACTIVE))
                            .findFirst().orElse(null);
                    if (active == null) {
                        return false;
                    }
                    data.keys.removeIf(k -> k.appId().equals(next.appId()) && k.state().equals(SigningKey.RETIRED)
                            && k.retiredAt().isBefore(pruneRetiredBefore));
                    data.keys.remove(active);
                    data.keys.add(new SigningKey(active.appId(), active.kid(), active.alg(), active.privateJwk(),
                            SigningKey.RETIRED, active.createdAt(), at));
                    data.keys.add(next);
                    return true;
                }
            }
        };
    }

    @Override
    public AdminTokenStore adminTokens() {
        return new AdminTokenStore() {
            @Override
            public void insert(AdminToken token) {
                synchronized (data) {
                    if (data.adminTokens.stream().anyMatch(t -> t.id().equals(token.id()))) {
                        throw new IllegalStateException("admin token " + token.id() + " exists");
                    }
                    data.adminTokens.add(token);
                }
            }

            @Override
            public Optional<AdminToken> findByHash(String tokenHash) {
                synchronized (data) {
                    return data.adminTokens.stream().filter(t -> t.tokenHash().equals(tokenHash)).findFirst();
                }
            }

            @Override
            public List<AdminToken> list() {
                synchronized (data) {
                    return data.adminTokens.stream()
                            .sorted(Comparator.comparing(AdminToken::createdAt).thenComparing(AdminToken::id))
                            .toList();
                }
            }

            @Override
            public boolean revoke(String id) {
                synchronized (data) {
                    return data.adminTokens.removeIf(t -> t.id().equals(id));
                }
            }
        };
    }

    @Override
    public LinkStore links() {
        return (appId, userId, identity) -> {
            synchronized (data) {
                User user = users.find(appId, userId).orElse(null);
                if (user == null) {
                    return false;
                }
                if (data.identities.containsKey(InMemoryData.identityKey(appId, identity.providerType(), identity.subject()))) {
                    throw new IdentityTakenException(identity.providerType(), identity.subject());
                }
                if (user.identities().stream().anyMatch(i -> i.providerType().equals(identity.providerType()))) {
                    throw new ProviderAlreadyLinkedException(identity.providerType());
                }
                List<Identity> identities = new ArrayList<>(user.identities());
                identities.add(identity);
                data.putUser(new User(user.id(), user.appId(), user.type(), user.disabled(), user.createdAt(),
                        user.lastActiveAt(), user.customData(), identities));
                data.addEvent(appId, userId, dev.atrium.core.events.UserEvent.LINKED, identity.providerType(),
                        identity.createdAt(), null, user.isAnonymous());
                return true;
            }
        };
    }

    @Override
    public UserpassStore userpass() {
        return data.userpass;
    }

    @Override
    public dev.atrium.core.redirect.RedirectStateStore redirectStates() {
        return redirectStates;
    }

    @Override
    public dev.atrium.core.auth.passkey.PasskeyStore passkeys() {
        return data.passkeys;
    }

    @Override
    public dev.atrium.core.merge.MergeStore merges() {
        return merges;
    }

    @Override
    public dev.atrium.core.imports.ImportStore imports() {
        return imports;
    }

    @Override
    public ApiKeyStore apiKeys() {
        return data.apiKeys;
    }

    @Override
    public dev.atrium.core.events.EventStore events() {
        return events;
    }

    @Override
    public dev.atrium.core.lifecycle.SweepStore sweeps() {
        return sweeps;
    }

    @Override
    public dev.atrium.core.admin.UserQueryStore userQueries() {
        return admin;
    }

    @Override
    public dev.atrium.core.admin.StatsStore stats() {
        return admin;
    }

    @Override
    public dev.atrium.core.admin.ServerKeyStore serverKeys() {
        return admin;
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public String describe() {
        return "memory";
    }

    @Override
    public void close() {
        // nothing to release
    }
}
