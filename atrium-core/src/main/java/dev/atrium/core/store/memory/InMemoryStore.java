package dev.atrium.core.store.memory;

import dev.atrium.core.admin.AdminTokenStore;
import dev.atrium.core.apps.AppStore;
import dev.atrium.core.auth.LinkStore;
import dev.atrium.core.auth.SignupStore;
import dev.atrium.core.auth.apikey.ApiKeyStore;
import dev.atrium.core.auth.password.UserpassStore;
import dev.atrium.core.sessions.SessionStore;
import dev.atrium.core.store.AtriumStore;
import dev.atrium.core.tokens.SigningKeyStore;

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
    private final InMemoryAppStore apps = new InMemoryAppStore(data);
    private final InMemorySessionStore sessions = new InMemorySessionStore(data, users);
    private final InMemorySigningKeyStore signingKeys = new InMemorySigningKeyStore(data);
    private final InMemoryAdminTokenStore adminTokens = new InMemoryAdminTokenStore(data);
    private final InMemoryLinkStore links = new InMemoryLinkStore(data, users);

    @Override
    public AppStore apps() {
        return apps;
    }

    @Override
    public InMemoryUserStore users() {
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
